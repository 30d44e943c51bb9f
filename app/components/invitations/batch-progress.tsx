import { Form, useRevalidator } from "@remix-run/react";
import { useEffect } from "react";
import { useCopy, useLocale } from "~/i18n";
import { joinClauses } from "~/i18n/copy";
import type { Progress } from "~/invitations/batches.server";

// The sending of a confirmed batch as it goes: a progress bar and its count, read out politely
// as it changes, then a summary with a retry for the failed lines. The page follows the sending
// without JavaScript (a refresh every 3 s, inside <noscript> so that it is not even parsed when
// scripts run) and with it (a revalidation 2 s after the last one ended).

const POLL_MS = 2_000;

function useRevalidateEvery(ms: number) {
  const { revalidate, state } = useRevalidator();
  useEffect(() => {
    if (state !== "idle") return;
    const timer = setTimeout(revalidate, ms);
    return () => clearTimeout(timer);
  }, [revalidate, state, ms]);
}

function Follow() {
  useRevalidateEvery(POLL_MS);
  return (
    <noscript>
      <meta httpEquiv="refresh" content="3" />
    </noscript>
  );
}

export function BatchProgress({ progress }: { progress: Progress }) {
  const copy = useCopy().invitations;
  const locale = useLocale();
  const finished = progress.sent + progress.failed + progress.skipped;
  const unfinished = progress.pending + progress.sending > 0;
  return (
    <section aria-labelledby="progress-title">
      <h2 id="progress-title">{unfinished ? copy.progressTitle : copy.doneTitle}</h2>
      <progress
        className="batch-progress"
        max={Math.max(progress.total, 1)}
        value={progress.total === 0 ? 1 : finished}
        aria-labelledby="progress-title"
        aria-describedby="progress-text"
      />
      <p id="progress-text" aria-live="polite">
        {joinClauses(locale, [
          copy.progressSent({ sent: progress.sent, total: progress.total }),
          ...(progress.failed > 0 ? [copy.progressFailed({ failed: progress.failed })] : []),
          ...(progress.skipped > 0 ? [copy.progressSkipped({ skipped: progress.skipped })] : []),
        ])}
      </p>
      {unfinished ? (
        <>
          <p className="hint">{copy.sendingHint}</p>
          <Follow />
        </>
      ) : (
        <div className={`notice ${progress.failed > 0 ? "notice--warning" : "notice--success"}`}>
          <p>
            {copy.summary({
              clauses: joinClauses(locale, [
                copy.summarySent({ sent: progress.sent }),
                ...(progress.failed > 0 ? [copy.summaryFailed({ failed: progress.failed })] : []),
                ...(progress.skipped > 0
                  ? [copy.summarySkipped({ skipped: progress.skipped })]
                  : []),
              ]),
            })}
          </p>
          {progress.failed > 0 ? (
            <>
              <p>{copy.failedHint}</p>
              <Form method="post">
                <button type="submit" name="intent" value="retry">
                  {copy.retry({ n: progress.failed })}
                </button>
              </Form>
            </>
          ) : null}
        </div>
      )}
    </section>
  );
}
