import { useEffect, useRef } from "react";
import { Form, Link, useLocation, useSearchParams } from "@remix-run/react";
import { useCopy } from "~/i18n";
import type { Decision } from "~/models/review-state";

/**
 * The reviewer's decisions on a response. Accepting takes two steps: "Accept…" opens a
 * confirmation (a link, so it works without JavaScript) that names the submission.
 */
export function DecisionPanel({
  decisions,
  submission,
  countryName,
}: {
  decisions: Decision[];
  submission: number | undefined;
  countryName: string;
}) {
  const r = useCopy().reviewPage;
  const [searchParams] = useSearchParams();
  // Decisions post to the page without "?confirm=accept", so that the page after is plain.
  const { pathname } = useLocation();
  const confirming = searchParams.get("confirm") === "accept" && decisions.includes("accept");
  const confirmRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);
  if (decisions.length === 0) return null;
  return (
    <section aria-labelledby="decision-title" className="decision" id="decision">
      <h2 id="decision-title">{r.decisions}</h2>
      {decisions.includes("accept") ? (
        confirming ? (
          <div
            className="notice notice--warning confirm-accept"
            id="confirm-accept"
            tabIndex={-1}
            ref={confirmRef}
            aria-labelledby="confirm-accept-title"
            role="region"
          >
            <h3 id="confirm-accept-title">
              {r.confirmAcceptTitle({ country: countryName, submission: submission ?? 0 })}
            </h3>
            <p>{r.confirmAcceptHint}</p>
            <Form method="post" action={pathname} className="actions">
              <SubmissionSeen number={submission} />
              <button type="submit" name="intent" value="accept">
                {r.confirmAccept}
              </button>
              <Link to={pathname} preventScrollReset>
                {r.cancelAccept}
              </Link>
            </Form>
          </div>
        ) : (
          <p>
            <Link className="button" to="?confirm=accept#confirm-accept" preventScrollReset>
              {r.accept}
            </Link>
          </p>
        )
      ) : null}
      {decisions.includes("return") ? (
        <Form method="post" action={pathname} className="field">
          <SubmissionSeen number={submission} />
          <label htmlFor="return-message">{r.returnMessage}</label>
          <p className="hint" id="return-hint">
            {r.returnHint}
          </p>
          <textarea id="return-message" name="message" rows={4} aria-describedby="return-hint" />
          <button type="submit" name="intent" value="return" className="secondary">
            {r.return}
          </button>
        </Form>
      ) : null}
      {decisions.includes("reopen") ? (
        <Form method="post" action={pathname}>
          <SubmissionSeen number={submission} />
          <button type="submit" name="intent" value="reopen" className="secondary">
            {r.reopen}
          </button>
        </Form>
      ) : null}
    </section>
  );
}

/** The submission the decision is about: the server refuses it for any other (newer) one. */
function SubmissionSeen({ number }: { number: number | undefined }) {
  return number ? <input type="hidden" name="submission" value={number} /> : null;
}
