import { useCopy } from "~/i18n";
import type { RowClassName, RowStatusName } from "~/invitations/classify";
import type { RowView } from "~/invitations/batches.server";

// Every line of a bulk invitation: what the preview found and, once confirmed, where the
// sending of each new line is. The reason is beside the mark, so a line can be corrected.

const classTags: Record<RowClassName, string> = {
  NEW: "tag--completed",
  ALREADY_INVITED: "",
  DUPLICATE: "tag--waiting",
  UNKNOWN_COUNTRY: "tag--problems",
  BAD_ADDRESS: "tag--problems",
  BAD_LANGUAGE: "tag--problems",
  BAD_ROW: "tag--problems",
};

const statusTags: Record<RowStatusName, string> = {
  PENDING: "",
  SENDING: "tag--inProgress",
  SENT: "tag--completed",
  FAILED: "tag--problems",
  SKIPPED: "",
};

function Status({ row, confirmed }: { row: RowView; confirmed: boolean }) {
  const copy = useCopy().invitations;
  const sending = confirmed && row.classification === "NEW";
  const [label, tag, why] = sending
    ? [
        copy.rowStatuses[row.status],
        statusTags[row.status],
        row.retrying ? copy.sendErrors.retrying({ reason: row.error ?? "" }) : row.error,
      ]
    : [copy.classes[row.classification], classTags[row.classification], row.reason];
  return (
    <>
      <span className={`tag ${tag}`}>{label}</span>
      {why ? <span> {why}</span> : null}
    </>
  );
}

/** The status with its reason comes second: on a phone it is in view before the table scrolls. */
export function RowsTable({
  caption,
  rows,
  confirmed,
}: {
  caption: string;
  rows: RowView[];
  confirmed: boolean;
}) {
  const copy = useCopy().invitations;
  if (rows.length === 0) return null;
  return (
    <div className="table-scroll">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{copy.line}</th>
            <th scope="col">{copy.status}</th>
            <th scope="col">{copy.country}</th>
            <th scope="col">{copy.email}</th>
            <th scope="col">{copy.name}</th>
            <th scope="col">{copy.language}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.line}>
              <td>{row.line}</td>
              <td className="invitation-status">
                <Status row={row} confirmed={confirmed} />
              </td>
              <td>{row.countryName ? `${row.countryName} (${row.countryCode})` : row.country}</td>
              <td>{row.address}</td>
              <td>{row.name}</td>
              <td>{row.language}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
