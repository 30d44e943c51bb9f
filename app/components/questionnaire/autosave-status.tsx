import { Link, useLocation } from "@remix-run/react";
import { formatLocalTime } from "~/components/time";
import { useCopy, useLocale } from "~/i18n";
import type { AutosaveStatus } from "./use-autosave";

/** The status in words: "Saving…", "Saved at 10:42", "Not saved — offline, kept on this device". */
function useStatusText(status: AutosaveStatus, savedAt: string | null): string | null {
  const copy = useCopy().questionnaire;
  const locale = useLocale();
  return status === "saving"
    ? copy.saving
    : status === "saved" && savedAt
      ? copy.saved({ time: formatLocalTime(locale, savedAt) })
      : status === "offline"
        ? copy.offline
        : status === "dirty"
          ? copy.unsaved
          : status === "locked"
            ? copy.locked
            : status === "signed-out"
              ? copy.notSavedSignIn
              : null;
}

/**
 * The save status at the top of the section, announced politely; it sticks to the top of the
 * screen so that it stays in view while the person scrolls through the questions.
 */
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
  const locale = useLocale();
  const location = useLocation();
  const nav = useCopy().nav;
  const text = useStatusText(status, savedAt);
  return (
    <div className="autosave-status" role="status" aria-live="polite">
      {restoredAt ? (
        <p className="notice notice--warning">
          {copy.restored({ time: formatLocalTime(locale, restoredAt) })}
        </p>
      ) : null}
      {status === "signed-out" ? (
        <p className="notice notice--error">
          {copy.notSavedSignIn}{" "}
          <Link to={`/sign-in?${new URLSearchParams({ redirectTo: location.pathname })}`}>
            {nav.signIn}
          </Link>
        </p>
      ) : text ? (
        <p data-status={status}>{text}</p>
      ) : null}
    </div>
  );
}

/**
 * The same status again beside the section's buttons, where the person's eyes are when they
 * leave the page. Hidden from screen readers: the line above already announces it.
 */
export function AutosaveStatusRepeat({
  status,
  savedAt,
}: {
  status: AutosaveStatus;
  savedAt: string | null;
}) {
  const text = useStatusText(status, savedAt);
  return text ? (
    <p className="actions__status" data-status={status} aria-hidden="true">
      {text}
    </p>
  ) : null;
}
