import { prisma } from "~/db.server";

// When each response of a round was first submitted (or imported): its submission number 1.
// One plain statement: the Prisma query with the response's relation cost twice as much.

export async function firstSubmissions(roundId: string): Promise<{ code: string; at: Date }[]> {
  const rows = await prisma.$queryRaw<{ code: string; at: Date | string }[]>`
    SELECT r."countryCode" AS code, s."createdAt" AS at
    FROM "Submission" s JOIN "Response" r ON r.id = s."responseId"
    WHERE r."roundId" = ${roundId} AND s.number = 1`;
  return rows.map((r) => ({ code: r.code, at: new Date(r.at) }));
}
