import { useId } from "react";
import {
  exportSearchParams,
  LANGUAGE_PARAM,
  WIDE_EXPORT_FORMATS,
  type LooseExportChoice,
} from "~/export/filters";
import { useCopy, useLocale } from "~/i18n";
import { directionOf, languageTag, localeNames, locales } from "~/i18n/locale";
import { ROUND_PARAM } from "~/models/round-choice";

// Download buttons for the responses a reviewer is looking at: plain GET forms to /exports
// (not Remix's <Form>, which would fetch the file instead of letting the browser download it),
// the filters carried as hidden inputs. Works without JavaScript. The CSV, XLSX and JSON files
// hold the round shown; the long CSV holds every round, so it is a form of its own, without it.
// The language of the texts (`lang`, the page's language unless chosen otherwise) goes with the
// round's files: the XLSX and JSON carry the questions in it, the CSV only keys and answers. The
// long CSV holds keys and answers only, so its form has no language.

/** Statuses other than SUBMITTED, RETURNED and ACCEPTED (e.g. a dashboard's DRAFT) are ignored. */
export type ExportLinkFilters = LooseExportChoice;

export function ExportLinks({
  filters = {},
  round,
}: {
  filters?: ExportLinkFilters;
  /** The round shown; without it, the server exports the current round. */
  round?: { id: string; name: string };
}) {
  const copy = useCopy().exports.links;
  const locale = useLocale();
  const labelId = useId();
  const languageId = useId();
  const hidden = [...exportSearchParams(filters)];
  const inputs = (pairs: [string, string][]) =>
    pairs.map(([name, value], i) => (
      <input key={`${name}-${i}`} type="hidden" name={name} value={value} />
    ));
  return (
    <div className="export-links" role="group" aria-labelledby={labelId}>
      <p id={labelId}>
        <strong>{round ? copy.roundLegend({ round: round.name }) : copy.legend}</strong>{" "}
        <span className="hint">{copy.hint}</span>
      </p>
      <div className="actions">
        <form method="get" action="/exports">
          {inputs(round ? [[ROUND_PARAM, round.id], ...hidden] : hidden)}
          <label htmlFor={languageId}>{copy.language}</label>
          <select
            id={languageId}
            name={LANGUAGE_PARAM}
            defaultValue={locale}
            aria-describedby={`${languageId}-hint`}
          >
            {locales.map((option) => (
              <option
                key={option}
                value={option}
                lang={languageTag(option)}
                dir={directionOf(option)}
              >
                {localeNames[option]}
              </option>
            ))}
          </select>
          {WIDE_EXPORT_FORMATS.map((format) => (
            <button
              key={format}
              type="submit"
              name="format"
              value={format}
              className="secondary"
              aria-label={copy.download({ format: copy[format] })}
            >
              {copy[format]}
            </button>
          ))}
          <span id={`${languageId}-hint`} className="hint export-links__hint">
            {copy.languageHint}
          </span>
        </form>
        <form method="get" action="/exports">
          {inputs(hidden)}
          <button
            type="submit"
            name="format"
            value="long-csv"
            className="secondary"
            aria-label={copy.longLabel}
          >
            {copy.long}
          </button>
        </form>
      </div>
    </div>
  );
}
