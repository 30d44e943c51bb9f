import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { msq2020 } from "~/questionnaire/msq2020.test-helper";
import { accessibilityViolations, expect, test } from "./fixtures";
import { prisma } from "./support/db";

// An administrator imports a converted questionnaire from the browser: upload, check what was
// read (nothing written yet), confirm. The seed already imports the four documents in
// prisma/seed-data, so the test uploads Rwanda's with the country changed to Burundi.

const RWANDA = "prisma/seed-data/msq2020/000_f67a2f1eeb1a7d5d.txt";
const NOT_A_RESPONSE = "tests/fixtures/not-an-msq-response.txt";
const ROUND = msq2020.round;

const sha256 = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");
/** Whether the page keeps this file's upload, between its preview and its confirmation. */
const isKept = async (file: string) =>
  (await prisma.importUpload.count({ where: { sha256: sha256(file) } })) === 1;

test("an admin previews a converted questionnaire, then imports it as submitted", async ({
  page,
  signedIn,
}) => {
  const dir = mkdtempSync(path.join(tmpdir(), "msq-admin-import-"));
  const burundi = path.join(dir, "burundi.txt");
  writeFileSync(burundi, readFileSync(RWANDA, "utf8").replaceAll("RWANDA", "BURUNDI"));
  const admin = await signedIn("ADMIN", [], "Ada Admin");

  await page.goto("/admin/imports");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Import a document");
  expect(await accessibilityViolations(page)).toEqual([]);
  await page.getByLabel("File to import").setInputFiles(burundi);
  await page.getByRole("button", { name: "Read the file" }).click();

  // The preview: what was read, and nothing written yet.
  await expect(page.getByRole("heading", { name: "What was read from burundi.txt" })).toBeVisible();
  const fact = (name: string) =>
    page
      .locator(".facts > div")
      .filter({ has: page.getByText(name, { exact: true }) })
      .locator("dd");
  await expect(fact("Country")).toHaveText("Burundi (BDI)");
  await expect(fact("Response date")).toHaveText("2019-03-30");
  await expect(fact("Publication authorised")).toHaveText("Yes");
  await expect(fact("Warnings")).toHaveText("3 warnings");
  await expect(page.locator("#answer-q1_national_portal")).toContainText("https://irembo.gov.rw");
  await expect(
    page.getByRole("heading", { name: "What could not be read with certainty (3)" }),
  ).toBeVisible();
  await expect(page.locator(".import-warnings li")).toHaveCount(3);
  await expect(page.locator(".import-warnings")).toContainText(
    'The values of "Name", "Title" stood after all of their labels',
  );
  await expect(page.getByText("Create the response of Burundi (BDI), as submitted.")).toBeVisible();
  expect(await accessibilityViolations(page)).toEqual([]);
  expect(
    await prisma.response.findUnique({
      where: { roundId_countryCode: { roundId: ROUND, countryCode: "BDI" } },
    }),
  ).toBeNull();
  expect(await isKept(burundi)).toBe(true);

  await page.getByRole("button", { name: "Import this response" }).click();
  await expect(page.getByRole("status")).toContainText("Created the response of Burundi (BDI).");
  await expect(page.getByRole("link", { name: "Review the response of Burundi" })).toHaveAttribute(
    "href",
    "/review/BDI",
  );

  const response = await prisma.response.findUniqueOrThrow({
    where: { roundId_countryCode: { roundId: ROUND, countryCode: "BDI" } },
    include: { submissions: true, events: true },
  });
  expect(response).toMatchObject({
    status: "SUBMITTED",
    imported: true,
    importSource: "burundi.txt",
    importHash: sha256(burundi),
    responseDate: "2019-03-30",
    authorizePublication: true,
    updatedById: admin.id,
  });
  expect((response.answers as Record<string, unknown>).q1_national_portal).toBe(
    "https://irembo.gov.rw",
  );
  expect(response.submissions).toEqual([
    expect.objectContaining({ number: 1, imported: true, submittedById: admin.id }),
  ]);
  expect(response.events).toEqual([
    expect.objectContaining({ kind: "response.imported", actorId: admin.id }),
  ]);
  // Filed, the upload is no longer kept.
  expect(await isKept(burundi)).toBe(false);
});

test("a document that is not a questionnaire is refused, and nothing is written", async ({
  page,
  signedIn,
}) => {
  await signedIn("ADMIN");
  const before = {
    responses: await prisma.response.count(),
    events: await prisma.event.count({ where: { kind: { startsWith: "response.import" } } }),
  };

  await page.goto("/admin/imports");
  await page.getByLabel("File to import").setInputFiles(NOT_A_RESPONSE);
  await page.getByRole("button", { name: "Read the file" }).click();
  await expect(page.getByRole("alert")).toContainText(
    "The file cannot be imported; nothing was written.",
  );
  const error =
    "not-an-msq-response.txt: This is not an MSQ 2020 response: none of the questionnaire's questions were found.";
  await expect(page.getByText(error)).toBeVisible();
  // The error belongs to the field: a screen reader reads it with the file input.
  const input = page.getByLabel("File to import");
  await expect(input).toHaveAttribute("aria-invalid", "true");
  const describedBy = (await input.getAttribute("aria-describedby")) ?? "";
  const errorId = describedBy.split(" ").find((id) => id.endsWith("-error"));
  await expect(page.locator(`#${errorId}`)).toHaveText(error);
  await expect(page.getByRole("button", { name: "Import this response" })).toHaveCount(0);
  expect(await accessibilityViolations(page)).toEqual([]);

  expect(await prisma.response.count()).toBe(before.responses);
  expect(await prisma.event.count({ where: { kind: { startsWith: "response.import" } } })).toBe(
    before.events,
  );
  expect(await isKept(NOT_A_RESPONSE)).toBe(false);
});

test("only administrators reach the import page, to look or to import", async ({
  page,
  baseURL,
  signedIn,
}) => {
  await signedIn("REVIEWER");
  expect((await page.request.get("/admin/imports")).status()).toBe(403);
  const post = await page.request.post("/admin/imports", {
    form: { upload: "0".repeat(64) },
    headers: { Origin: baseURL! },
  });
  expect(post.status()).toBe(403);
});

test("the JSON export of unchanged responses comes back as identical: nothing to do", async ({
  page,
  signedIn,
}) => {
  const dir = mkdtempSync(path.join(tmpdir(), "msq-admin-reimport-"));
  await signedIn("ADMIN", [], "Ada Admin");
  // One response imported from a document (with its warnings), one submitted in the portal.
  const comoros = path.join(dir, "comoros.txt");
  writeFileSync(comoros, readFileSync(RWANDA, "utf8").replaceAll("RWANDA", "COMOROS"));
  const ours = ["COM", "DJI"];
  await prisma.response.deleteMany({ where: { roundId: ROUND, countryCode: { in: ours } } });
  await page.goto("/admin/imports");
  await page.getByLabel("File to import").setInputFiles(comoros);
  await page.getByRole("button", { name: "Read the file" }).click();
  await page.getByRole("button", { name: "Import this response" }).click();
  await expect(page.getByRole("status")).toContainText("Created the response of Comoros (COM).");
  const answers = { q1_national_portal: "https://www.presidence.dj", q4_has_cio: "no" };
  await prisma.response.create({
    data: {
      roundId: ROUND,
      countryCode: "DJI",
      status: "SUBMITTED",
      questionnaireVersion: msq2020.version,
      answers,
      fieldVersions: {},
      authorizePublication: false,
      submittedAt: new Date(),
      submissions: {
        create: {
          number: 1,
          questionnaireVersion: msq2020.version,
          answers,
          authorizePublication: false,
        },
      },
    },
  });
  const state = () =>
    prisma.response.findMany({
      where: { roundId: ROUND, countryCode: { in: ours } },
      orderBy: { countryCode: "asc" },
      include: { submissions: true, events: true },
    });
  const before = await state();
  expect(before[0]!.importWarnings).toHaveLength(3);

  const exported = await page.request.get("/exports?format=json&status=SUBMITTED");
  expect(exported.status()).toBe(200);
  const document = (await exported.json()) as { responses: { country: string }[] };
  document.responses = document.responses.filter((r) => ours.includes(r.country));
  expect(document.responses).toHaveLength(2);
  const file = path.join(dir, "msq-2020-export.json");
  writeFileSync(file, JSON.stringify(document, null, 2));

  await page.goto("/admin/imports");
  await page.getByLabel("File to import").setInputFiles(file);
  await page.getByRole("button", { name: "Read the file" }).click();
  for (const name of ["Comoros (COM)", "Djibouti (DJI)"]) {
    await expect(
      page.getByText(
        `Identical: nothing to do. The response of ${name} already holds these answers.`,
      ),
    ).toBeVisible();
  }
  expect(await accessibilityViolations(page)).toEqual([]);
  await page.getByRole("button", { name: "Import these 2 responses" }).click();
  for (const name of ["Comoros (COM)", "Djibouti (DJI)"]) {
    await expect(page.getByRole("status")).toContainText(
      `Identical: nothing to do. The response of ${name} already holds these answers; nothing was written.`,
    );
  }
  // Nothing was written: no new submission, no event, the import's warnings kept.
  expect(await state()).toEqual(before);
});
