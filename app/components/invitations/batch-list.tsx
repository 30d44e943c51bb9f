import { Link } from "@remix-run/react";
import { LocalTime } from "~/components/time";
import { useCopy } from "~/i18n";
import type { Copy } from "~/i18n/copy";
import type { BatchSummary, Progress } from "~/invitations/batches.server";

// The bulk-invitation page's parts: the CSV format, explained with an example, and the list of
// earlier files with their counts.

export function CsvFormat() {
  const copy = useCopy().invitations;
  return (
    <div className="prose">
      <p>{copy.formatIntro}</p>
      <ul>
        {Object.values(copy.formatColumns).map((column) => (
          <li key={column.name}>
            <code>{column.name}</code>: {column.text}
          </li>
        ))}
      </ul>
      <p>{copy.exampleTitle}</p>
      {/* Scrolls sideways on its own on a phone, rather than widening the page. */}
      <div className="table-scroll">
        <pre className="csv-example">
          <code>{copy.example}</code>
        </pre>
      </div>
    </div>
  );
}

export function batchState(
  batch: { status: string; progress: Progress },
  copy: Copy["invitations"],
) {
  if (batch.status === "PREVIEW") return copy.states.preview;
  return batch.progress.pending + batch.progress.sending > 0
    ? copy.states.sending
    : copy.states.done;
}

export function BatchList({ batches }: { batches: BatchSummary[] }) {
  const copy = useCopy().invitations;
  return (
    <section aria-labelledby="earlier-title">
      <h2 id="earlier-title">{copy.earlierTitle}</h2>
      {batches.length === 0 ? (
        <p>{copy.noneYet}</p>
      ) : (
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{copy.fileColumn}</th>
                <th scope="col">{copy.uploaded}</th>
                <th scope="col">{copy.by}</th>
                <th scope="col">{copy.lines}</th>
                <th scope="col">{copy.outcome}</th>
                <th scope="col">{copy.state}</th>
              </tr>
            </thead>
            <tbody>
              {batches.map((batch) => (
                <tr key={batch.id}>
                  <td>
                    <Link to={`/admin/invitations/${batch.id}`}>{batch.fileName}</Link>
                  </td>
                  <td>
                    <LocalTime iso={batch.createdAt} withDate />
                  </td>
                  <td>{batch.createdBy}</td>
                  <td>{batch.lines}</td>
                  <td>
                    {batch.progress.failed > 0
                      ? copy.batchOutcomeFailed({
                          added: batch.news,
                          sent: batch.progress.sent,
                          failed: batch.progress.failed,
                        })
                      : copy.batchOutcome({ added: batch.news, sent: batch.progress.sent })}
                  </td>
                  <td>{batchState(batch, copy)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
