import { prisma } from "~/db.server";

// The round focal points are answering now: the most recent one. Read on nearly every request
// and changed perhaps once a year (a deadline), so it is kept for a few seconds per process.
const TTL_MS = 5_000;
let cached: { at: number; round: Promise<Round> } | null = null;

type Round = { id: string; name: string; questionnaireVersion: number; deadline: Date | null };

async function readCurrentRound(): Promise<Round> {
  const round = await prisma.round.findFirst({
    select: { id: true, name: true, questionnaireVersion: true, deadline: true },
    orderBy: { id: "desc" },
  });
  if (!round) throw new Error("No questionnaire round: run npm run db:seed");
  return round;
}

export function currentRound(): Promise<Round> {
  if (!cached || Date.now() - cached.at > TTL_MS) {
    const round = readCurrentRound();
    cached = { at: Date.now(), round };
    round.catch(() => (cached = null));
  }
  return cached.round;
}

/** After the round changes (a new deadline), so this process shows it at once. */
export function forgetCurrentRound() {
  cached = null;
}
