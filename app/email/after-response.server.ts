// Work that must neither hold up nor change a page's answer: a password-reset request answers
// the same, in the same time, whether or not the address has an account and whether or not the
// mail server is up. The work starts once the response is sent (server.js's `afterResponse`:
// started earlier, it shares the process with the page being rendered and slows the answer), or
// on the next turn of the event loop outside a request; a failure is logged (without the
// message, which may carry a one-time link), not shown to anyone.
// The e-mail itself is queued in the outbox (app/email/outbox.server.ts) and so never lost.

/** Runs `work` after the current response; the promise never rejects (tests await it). */
export function runAfterResponse(
  what: string,
  work: () => Promise<unknown>,
  afterResponse: (start: () => void) => void = setImmediate,
): Promise<void> {
  return new Promise<void>((resolve) => afterResponse(() => resolve())).then(work).then(
    () => undefined,
    (error: unknown) => {
      const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      console.error(`${what} failed: ${reason}`);
    },
  );
}
