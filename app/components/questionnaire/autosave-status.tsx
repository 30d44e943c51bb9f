import { Link, useLocation } from "@remix-run/react";
import { useCopy } from "~/i18n";
import type { AutosaveStatus } from "./use-autosave";

const time = (iso: string) =>
  new Date(iso).toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit" });

/** "Saving…", "Saved at 10:42", "Not saved — offline, kept on this device". */
export function AutosaveStatusLine({
  status,
  savedAt,
  restoredAt,
}: {
  status: AutosaveStatus;
  savedAt: string | null;
  restoredAt: string | null;
}) {
  const copy = useCopy().questionnaire;
  const location = useLocation();
  const text =
    status === "saving"
      ? copy.saving
      : status === "saved" && savedAt
        ? copy.saved(time(savedAt))
        : status === "offline"
          ? copy.offline
          : status === "dirty"
            ? copy.unsaved
            : status === "locked"
              ? copy.locked
              : null;
  return (
    <div className="autosave-status" role="status" aria-live="polite">
      {restoredAt ? (
        <p className="notice notice--warning">{copy.restored(time(restoredAt))}</p>
      ) : null}
      {status === "signed-out" ? (
        <p className="notice notice--error">
          {copy.notSavedSignIn}{" "}
          <Link to={`/sign-in?${new URLSearchParams({ redirectTo: location.pathname })}`}>
            Sign in
          </Link>
        </p>
      ) : text ? (
        <p data-status={status}>{text}</p>
      ) : null}
    </div>
  );
}
