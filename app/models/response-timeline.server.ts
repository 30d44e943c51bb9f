import { dateColumn, driverRows } from "~/db-driver.server";

// When each response of a round was first submitted (or imported): its submission number 1.
// One plain statement, through the driver (decision 026): read on every dashboard.

export async function firstSubmissions(roundId: string): Promise<{ code: string; at: Date }[]> {
  const rows = await driverRows(
    "first-submissions",
    `SELECT r."countryCode" AS code, s."createdAt" AS at
    FROM "Submission" s JOIN "Response" r ON r.id = s."responseId"
    WHERE r."roundId" = $1 AND s.number = 1`,
    [roundId],
  );
  return rows.map((r) => ({ code: String(r.code), at: dateColumn(r.at) }));
}
