import { prisma } from "~/db.server";

// Countries with their response for a round: what the country pages and lists show. Their names
// in the page's language are countryName's (~/countries); the table's `name` is the English one.

export async function listCountriesWithStatus(roundId: string, codes?: string[]) {
  return prisma.country.findMany({
    where: codes ? { code: { in: codes } } : {},
    select: {
      code: true,
      region: true,
      responses: {
        where: { roundId },
        select: { status: true, imported: true, updatedAt: true },
      },
    },
    orderBy: { code: "asc" },
  });
}

export async function getCountry(code: string) {
  return prisma.country.findUnique({
    where: { code },
    select: { code: true, name: true, region: true },
  });
}
