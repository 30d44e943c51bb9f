import { copyFor } from "~/i18n/catalogues.server";
import type { Locale } from "~/i18n/locale";
import { validationMessages } from "~/i18n/validation-messages";
import { findSection } from "~/questionnaire";
import { requireQuestionnaire } from "~/models/questionnaire.server";
import { confirmCarried } from "~/rounds/confirm-carried.server";
import { parseSectionPost, type SectionIntent } from "~/questionnaire/section-post";
import type { Questionnaire, Section } from "~/questionnaire/types";
import { saveAnswers, type FieldConflict } from "~/models/response.server";
import { currentRound, isAnswerable } from "~/models/round.server";

// Saving a section: shared by the section page's form (any browser, with or without
// JavaScript) and the autosave endpoint (JavaScript). The routes have checked that the user is
// one of the country's focal points; this returns what happened, and the routes turn it into a
// redirect, a page or JSON.

export type SectionSaveOutcome =
  | { kind: "saved"; intent: SectionIntent; revision: number; saved: string[]; savedAt: string }
  | {
      kind: "conflicts";
      intent: SectionIntent;
      revision: number;
      saved: string[];
      savedAt: string;
      conflicts: FieldConflict[];
      posted: Record<string, unknown>;
    }
  | { kind: "locked" }
  | { kind: "malformed"; fields: string[] };

export async function sectionContext(
  countryCode: string,
  sectionId: string | undefined,
  locale: Locale,
) {
  const round = await currentRound();
  const questionnaire: Questionnaire = await requireQuestionnaire(round, locale);
  const section = findSection(questionnaire, sectionId ?? "");
  if (!section) throw new Response("Not found", { status: 404 });
  return { round, questionnaire, section, countryCode };
}

export async function saveSection({
  actorId,
  countryCode,
  sectionId,
  formData,
  locale,
}: {
  actorId: string;
  countryCode: string;
  sectionId: string | undefined;
  formData: FormData;
  locale: Locale;
}): Promise<SectionSaveOutcome> {
  const { round, questionnaire, section } = await sectionContext(countryCode, sectionId, locale);
  // A closed round is read only: its responses are what was collected. The cached round here
  // (no query when it is closed); saveAnswers checks the stored one in its transaction, as
  // another process may have closed it within the cache's few seconds.
  if (!isAnswerable(round)) return { kind: "locked" };
  const m = validationMessages(copyFor(locale));
  const post = parseSectionPost(questionnaire, section.questions, formData, m);
  if ("error" in post) return { kind: "malformed", fields: post.fields };
  const result = await saveAnswers({
    roundId: round.id,
    countryCode,
    actorId,
    baseRevision: post.baseRevision,
    changes: post.changes,
    shown: post.shown,
    overwrite: post.overwrite,
    questionnaireVersion: questionnaire.version,
  });
  if (!result.ok) return { kind: "locked" };
  const { saved, savedAt, conflicts } = result;
  let { revision } = result;
  // "Still accurate": after the form's own changes are saved, so a changed answer is "updated".
  if (post.intent.kind === "confirm" || post.intent.kind === "confirm-section") {
    const keys =
      post.intent.kind === "confirm" ? [post.intent.field] : section.questions.map((q) => q.key);
    revision =
      (await confirmCarried({ roundId: round.id, countryCode, keys, actorId })) ?? revision;
  }
  if (conflicts.length > 0) {
    return {
      kind: "conflicts",
      intent: post.intent,
      revision,
      saved,
      savedAt,
      conflicts,
      posted: post.changes,
    };
  }
  return { kind: "saved", intent: post.intent, revision, saved, savedAt };
}

/** Where a section form's button leads, after saving. */
export function destinationAfterSave(
  questionnaire: Questionnaire,
  section: Section,
  intent: SectionIntent,
  base: string,
) {
  const ids = questionnaire.sections.map((s) => s.id);
  const index = ids.indexOf(section.id);
  switch (intent.kind) {
    case "next":
      return index + 1 < ids.length ? `${base}/sections/${ids[index + 1]}` : `${base}/review`;
    case "back":
      return index > 0 ? `${base}/sections/${ids[index - 1]}` : base;
    case "goto":
      return ids.includes(intent.section)
        ? `${base}/sections/${intent.section}`
        : `${base}/sections/${section.id}`;
    case "review":
      return `${base}/review`;
    case "confirm":
      return `${base}/sections/${section.id}?confirmed=1#q-${intent.field}`;
    case "confirm-section":
      return `${base}/sections/${section.id}?confirmed=all`;
    default:
      return `${base}/sections/${section.id}?saved=1`;
  }
}
