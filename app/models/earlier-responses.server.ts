import { prisma } from "~/db.server";
import type { ResponseStatus } from "~/generated/prisma/enums";
import { currentRound } from "./round.server";

// A country's responses to the rounds before the current one, for its page: each is read only,
// in the print view of its round (`/print/RWA?round=2020`).

export type EarlierResponse = {
  roundId: string;
  roundName: string;
  status: ResponseStatus;
};

export async function earlierResponses(countryCode: string): Promise<EarlierResponse[]> {
  const current = await currentRound();
  const responses = await prisma.response.findMany({
    where: { countryCode, roundId: { not: current.id }, round: { status: { not: "DRAFT" } } },
    select: { roundId: true, status: true, round: { select: { name: true } } },
    orderBy: [{ round: { openedAt: "desc" } }, { roundId: "desc" }],
  });
  return responses.map((r) => ({ roundId: r.roundId, roundName: r.round.name, status: r.status }));
}
