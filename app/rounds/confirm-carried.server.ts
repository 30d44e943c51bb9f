import { setTimeout as sleep } from "node:timers/promises";
import { prisma } from "~/db.server";
import { logEvent } from "~/models/event.server";
import { findResponse } from "~/models/response.server";
import { carriedState } from "./carry-forward";

// "Still accurate": a focal point confirms carried answers, one or a section's at a time.

/** Tries before giving up when colleagues keep saving the same response at the same moment. */
const ATTEMPTS = 5;

/**
 * Marks as confirmed those of `keys` that were carried and are still the carried value (a
 * changed answer is "updated" and needs no confirmation). Returns the response's new revision,
 * or null when there was nothing to confirm. A compare-and-swap on the revision, so a colleague's
 * confirmation or save in between is never lost.
 */
export async function confirmCarried(input: {
  roundId: string;
  countryCode: string;
  keys: readonly string[];
  actorId: string;
}): Promise<number | null> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const response = await findResponse(input.roundId, input.countryCode);
    if (!response?.carried) return null;
    const confirmed = new Set(response.confirmedCarried);
    const adding = input.keys.filter((key) => {
      const carried = response.carried![key];
      return (
        carried &&
        !confirmed.has(key) &&
        carriedState(carried, response.answers[key], false) === "to_confirm"
      );
    });
    if (adding.length === 0) return null;
    const revision = response.revision + 1;
    const { count } = await prisma.response.updateMany({
      where: { id: response.id, revision: response.revision },
      data: { confirmedCarried: [...confirmed, ...adding], revision, updatedById: input.actorId },
    });
    if (count === 1) {
      await logEvent({
        kind: "response.carried_confirmed",
        actorId: input.actorId,
        countryCode: input.countryCode,
        responseId: response.id,
        fields: adding,
        data: { revision },
      });
      return revision;
    }
    await sleep(10 * (attempt + 1));
  }
  throw new Error("The response kept changing while confirming carried answers: try again.");
}
