import { useId } from "react";
import { EXPORT_FORMATS, exportSearchParams, type LooseExportChoice } from "~/export/filters";
import { enExports } from "~/i18n/en-exports";

// Download buttons for the responses a reviewer is looking at: a plain GET form to /exports
// (not Remix's <Form>, which would fetch the file instead of letting the browser download it),
// the filters carried as hidden inputs. Works without JavaScript.

/** Statuses other than SUBMITTED, RETURNED and ACCEPTED (e.g. a dashboard's DRAFT) are ignored. */
export type ExportLinkFilters = LooseExportChoice;

export function ExportLinks({ filters = {} }: { filters?: ExportLinkFilters }) {
  const copy = enExports.links;
  const labelId = useId();
  const hidden = [...exportSearchParams(filters)];
  return (
    <form method="get" action="/exports" className="export-links" aria-labelledby={labelId}>
      <p id={labelId}>
        <strong>{copy.legend}</strong> <span className="hint">{copy.hint}</span>
      </p>
      {hidden.map(([name, value], i) => (
        <input key={`${name}-${i}`} type="hidden" name={name} value={value} />
      ))}
      <div className="actions">
        {EXPORT_FORMATS.map((format) => (
          <button
            key={format}
            type="submit"
            name="format"
            value={format}
            className="secondary"
            aria-label={copy.download(copy[format])}
          >
            {copy[format]}
          </button>
        ))}
      </div>
    </form>
  );
}
