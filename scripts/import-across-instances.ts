// For `npm run test:load:two`: an administrator's import previewed on one instance and confirmed
// on the other, as a load balancer may send the two steps. The upload is kept in the database
// between them (app/models/import-upload.server.ts); kept on one instance's disk, the confirmation
// would find nothing there (410).
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import type { PrismaClient } from "~/generated/prisma/client";

const DOCUMENT = "prisma/seed-data/msq2020/000_f67a2f1eeb1a7d5d.txt"; // Rwanda's response
const COUNTRY = "RWA";

/** Problems found (none when the import went through both instances as through one). */
export async function importAcrossInstances(
  prisma: PrismaClient,
  [previewOrigin, confirmOrigin]: readonly [string, string],
  adminCookie: string,
): Promise<string[]> {
  const bytes = readFileSync(DOCUMENT);
  const hash = createHash("sha256").update(bytes).digest("hex");
  const form = new FormData();
  form.set("file", new Blob([bytes], { type: "text/plain" }), "rwanda.txt");
  const preview = await fetch(`${previewOrigin}/admin/imports`, {
    method: "POST",
    headers: { Origin: previewOrigin, Cookie: adminCookie },
    body: form,
  });
  await preview.text();
  if (preview.status !== 200) return [`import preview on ${previewOrigin}: ${preview.status}`];
  if ((await prisma.importUpload.count({ where: { sha256: hash } })) !== 1)
    return ["the previewed upload is not kept in the database"];

  const confirmed = await fetch(`${confirmOrigin}/admin/imports`, {
    method: "POST",
    headers: {
      Origin: confirmOrigin,
      Cookie: adminCookie,
      "Content-Type": "application/x-www-form-urlencoded",
    },
    // Forced: the load's focal points have a draft in every country.
    body: new URLSearchParams({ upload: hash, force: "on" }),
  });
  await confirmed.text();
  if (confirmed.status !== 200)
    return [
      `import confirmed on ${confirmOrigin} (previewed on ${previewOrigin}): ${confirmed.status}`,
    ];
  const response = await prisma.response.findFirst({
    where: { roundId: "2020", countryCode: COUNTRY },
    select: { status: true, submissions: { select: { source: { select: { sha256: true } } } } },
  });
  const problems: string[] = [];
  if (response?.status !== "SUBMITTED")
    problems.push(`after the import, ${COUNTRY}'s response is ${response?.status ?? "missing"}`);
  if (!response?.submissions.some((s) => s.source?.sha256 === hash))
    problems.push(`the imported submission does not keep the file that was previewed`);
  if ((await prisma.importUpload.count({ where: { sha256: hash } })) !== 0)
    problems.push("the upload is still kept after its import");
  return problems;
}
