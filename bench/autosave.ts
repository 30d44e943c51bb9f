import { setTimeout as sleep } from "node:timers/promises";
import type { Connection } from "./measure";

// Autosave under load, as focal points do it: each connection is one focal point of its own draft,
// posting a new value of one field with the fingerprint of the value it last saved. The bench
// owns those last values (autocannon keeps no state between a connection's requests), checks every
// reply says the field was saved without a conflict, and at the end compares what the replies
// acknowledged with the events and answers in the database.

type Draft = { code: string; cookie: string };
type FocalPoint = { stored: string | null; pending: string | null };

export function autosaveBench(options: {
  origin: string;
  section: string;
  field: string;
  drafts: Draft[];
  /** Each draft's value of `field` when the bench starts. */
  initial: Map<string, string | null>;
  fingerprint: (value: string | null) => string;
  /** The value of `field` in each draft's response, as stored now. */
  readStored: () => Promise<Map<string, string | null>>;
}) {
  const { origin, section, field, drafts, fingerprint } = options;
  const focalPoints = new Map<string, FocalPoint>(
    drafts.map((d) => [d.code, { stored: options.initial.get(d.code) ?? null, pending: null }]),
  );
  const tally = { acknowledged: 0, committedUnanswered: 0, unexplained: [] as string[] };
  let sequence = 0;

  function connect(index: number): Connection {
    // Two connections on one draft would be two colleagues: conflicts, rightly.
    if (index >= drafts.length)
      throw new Error(`more connections than the ${drafts.length} drafts`);
    const who = drafts[index]!;
    const state = focalPoints.get(who.code)!;
    return {
      setupRequest: (request) => {
        const value = `autosaved ${who.code} #${++sequence}`;
        state.pending = value;
        return {
          ...request,
          method: "POST",
          path: `/countries/${who.code}/sections/${section}/autosave`,
          headers: {
            Cookie: who.cookie,
            Origin: origin,
            "Content-Type": "application/x-www-form-urlencoded",
            "Accept-Encoding": "gzip, deflate, br",
          },
          body: new URLSearchParams({
            intent: "autosave",
            base: "0",
            fields: field,
            [field]: value,
            [`orig.${field}`]: fingerprint(state.stored),
          }).toString(),
        };
      },
      check: (status, body) => {
        let reply: { saved?: unknown; conflicts?: unknown[] };
        try {
          reply = JSON.parse(body) as typeof reply;
        } catch {
          return false;
        }
        const saved =
          status === 200 &&
          JSON.stringify(reply.saved) === JSON.stringify([field]) &&
          reply.conflicts?.length === 0;
        if (saved) {
          state.stored = state.pending;
          state.pending = null;
          tally.acknowledged += 1;
        }
        return saved;
      },
    };
  }

  /**
   * After a run: a save still in flight when autocannon stopped may have been committed with no
   * reply read. Its value is then the stored one; anything else unexpected is recorded.
   */
  async function settle() {
    await sleep(2000); // the server finishes the requests it had
    const stored = await options.readStored();
    for (const [code, state] of focalPoints) {
      const now = stored.get(code) ?? null;
      if (state.pending !== null && now === state.pending) {
        state.stored = now;
        tally.committedUnanswered += 1;
      } else if (now !== state.stored) {
        tally.unexplained.push(`${code}: expected ${state.stored}, stored ${now}`);
        state.stored = now;
      }
      state.pending = null;
    }
  }

  /** Saves the replies acknowledged and the events counted must agree, and every value be stored. */
  async function verify(savedEvents: number) {
    const stored = await options.readStored();
    const problems = [...tally.unexplained];
    if (tally.acknowledged === 0) problems.push("no reply said the field was saved");
    for (const [code, state] of focalPoints)
      if ((stored.get(code) ?? null) !== state.stored)
        problems.push(`${code}: last saved ${state.stored}, stored ${stored.get(code)}`);
    const expected = tally.acknowledged + tally.committedUnanswered;
    if (savedEvents !== expected)
      problems.push(
        `${savedEvents} response.saved events, ${tally.acknowledged} replies saved + ${tally.committedUnanswered} committed unanswered`,
      );
    return { ...tally, savedEvents, problems };
  }

  return { connect, settle, verify };
}
