import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { docxFromText, pdfFromText, scannedPdf } from "~/import/documents-generator.test-helper";
import { msq2020 } from "~/questionnaire/msq2020.test-helper";
import { expect, test } from "./fixtures";
import { copyFor } from "./support/copy";
import { prisma } from "./support/db";

// An administrator imports a Word file and a PDF, as countries send them, through the import
// page; their tick boxes (legacy form fields, AcroForm check boxes) are read, the answers are
// those of the same response's text, and a reviewer downloads the very file from the review
// page. Rwanda's seed response, renamed: Luxembourg (Word) and Estonia (PDF), no other test's.

const RWANDA = "prisma/seed-data/msq2020/000_f67a2f1eeb1a7d5d.txt";
const ROUND = msq2020.round;
const english = copyFor("en");
const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

const cases = [
  {
    country: "LUX",
    name: "Luxembourg",
    file: "luxembourg.docx",
    make: async (text: string) => docxFromText(text, "formFields"),
  },
  { country: "EST", name: "Estonia", file: "estonia.pdf", make: pdfFromText },
];

for (const { country, name, file, make } of cases) {
  test(`an admin imports ${file}, and its source file is downloaded from the review page`, async ({
    page,
    signedIn,
  }) => {
    const dir = mkdtempSync(path.join(tmpdir(), "msq-import-documents-"));
    const bytes = await make(readFileSync(RWANDA, "utf8").replaceAll("RWANDA", name.toUpperCase()));
    const upload = path.join(dir, file);
    writeFileSync(upload, bytes);
    await signedIn("ADMIN", [], "Ada Admin");

    await page.goto("/admin/imports");
    await page.getByLabel(english.imports.file).setInputFiles(upload);
    await page.getByRole("button", { name: english.imports.read }).click();
    await expect(
      page.getByRole("heading", { name: english.imports.previewTitle({ name: file }) }),
    ).toBeVisible();
    const fact = (label: string) =>
      page
        .locator(".facts > div")
        .filter({ has: page.getByText(label, { exact: true }) })
        .locator("dd");
    await expect(fact(english.imports.country)).toHaveText(`${name} (${country})`);
    // The authorisation is a tick box: read from the form field, not from a character.
    await expect(fact(english.imports.authorisation)).toHaveText(english.imports.yes);
    await page.getByRole("button", { name: "Import this response" }).click();
    await expect(page.getByRole("status")).toContainText(`Created the response of ${name}`);

    const response = await prisma.response.findUniqueOrThrow({
      where: { roundId_countryCode: { roundId: ROUND, countryCode: country } },
      include: { sourceDocuments: true, submissions: true },
    });
    // The same answers as the seed's import of Rwanda's text, ticks included.
    const rwanda = await prisma.submission.findFirstOrThrow({
      where: { number: 1, response: { roundId: ROUND, countryCode: "RWA" } },
    });
    expect(response.answers).toEqual(rwanda.answers);
    expect(response.sourceDocuments).toEqual([
      expect.objectContaining({
        filename: file,
        sha256: sha256(bytes),
        size: bytes.length,
        submissionId: response.submissions[0]!.id,
      }),
    ]);

    await page.goto(`/review/${country}`);
    const link = page.getByRole("link", {
      name: english.reviewPage.sourceDownload({ file }),
    });
    const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
    expect(download.suggestedFilename()).toBe(file);
    const downloaded = readFileSync(await download.path());
    expect(sha256(downloaded)).toBe(sha256(bytes));
  });
}

test("a scanned PDF is refused through the page, saying it holds no text", async ({
  page,
  signedIn,
}) => {
  const dir = mkdtempSync(path.join(tmpdir(), "msq-import-scan-"));
  const scan = path.join(dir, "scan.pdf");
  writeFileSync(scan, await scannedPdf());
  await signedIn("ADMIN");
  await page.goto("/admin/imports");
  await page.getByLabel(english.imports.file).setInputFiles(scan);
  await page.getByRole("button", { name: english.imports.read }).click();
  await expect(page.getByRole("alert")).toContainText(english.imports.refusedFile);
  await expect(page.getByText(/^scan\.pdf holds no text, only images/)).toBeVisible();
  await expect(page.getByRole("button", { name: "Import this response" })).toHaveCount(0);
});
