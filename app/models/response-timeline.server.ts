import { prisma } from "~/db.server";

// When each response of a round was first submitted (or imported): its submission number 1.

export async function firstSubmissions(roundId: string): Promise<{ code: string; at: Date }[]> {
  const rows = await prisma.submission.findMany({
    where: { number: 1, response: { roundId } },
    select: { createdAt: true, response: { select: { countryCode: true } } },
  });
  return rows.map((r) => ({ code: r.response.countryCode, at: r.createdAt }));
}
