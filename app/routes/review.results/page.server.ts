import { copyFor } from "~/i18n/catalogues.server";
import type { Locale } from "~/i18n/locale";
import { requireQuestionnaire } from "~/models/questionnaire.server";
import type { Round } from "~/models/round.server";
import { findQuestion } from "~/questionnaire";
import { chartPartOf } from "~/questionnaire/chart-types";
import { tallyLabels } from "~/results/chart-texts";
import type { ResultsQuery } from "~/results/query";
import { loadResultRows, resultSections } from "~/results/results.server";
import { DEFAULT_TALLY_OPTIONS, tallyQuestionnaire } from "~/results/tally";

// What the Results page shows of a round: every question's chart over the responses the filters
// count, in the page's language (the questions as the round words them in it).

export async function loadResultsPage(input: {
  round: Round;
  query: ResultsQuery;
  locale: Locale;
}) {
  const { round, locale } = input;
  const [questionnaire, rows] = await Promise.all([
    requireQuestionnaire(round, locale),
    loadResultRows(round.id, input.query, locale),
  ]);
  // Only a text question's list is shown whole; a key the round lacks is no focus.
  const focused = input.query.focus ? findQuestion(questionnaire, input.query.focus.key) : null;
  const kind = focused ? chartPartOf(focused).kind : null;
  const query = {
    ...input.query,
    focus: kind === "list" || kind === "search" ? input.query.focus : null,
  };
  const charts = tallyQuestionnaire(questionnaire, rows, tallyLabels(copyFor(locale)), {
    ...DEFAULT_TALLY_OPTIONS,
    byRegion: query.byRegion,
    focus: query.focus,
  });
  return {
    counted: rows.length,
    sections: resultSections(questionnaire),
    charts,
    query,
  };
}
