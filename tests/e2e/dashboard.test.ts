import { accessibilityViolations, expect, test } from "./fixtures";
import { prisma } from "./support/db";
import { createUser, signInAs } from "./support/users";

test("the dashboard shows the imported responses and every other Member State as not started", async ({
  page,
}) => {
  await signInAs(page.context(), await createUser("REVIEWER"));
  await page.goto("/review");
  expect(await accessibilityViolations(page)).toEqual([]);
  const rows = page.locator(".dashboard-table tbody tr");
  await expect(rows).toHaveCount(193);
  for (const name of ["Rwanda", "Tajikistan", "Qatar", "Iran (Islamic Republic of)"]) {
    const row = rows.filter({ has: page.getByRole("rowheader", { name, exact: true }) });
    await expect(row).toContainText("Submitted");
    await expect(row).toContainText("Imported");
  }
  // Every country without a response (in a fresh portal: 189) is "Not started".
  const withResponse = await prisma.response.count({ where: { roundId: "2020" } });
  await page.goto("/review?status=NOT_STARTED");
  await expect(page.locator(".dashboard-table tbody tr")).toHaveCount(193 - withResponse);
  await expect(page.getByText(`${193 - withResponse} countries shown`)).toBeVisible();
});

test("a filtered view is a shareable URL, and sorting keeps the filters", async ({ page }) => {
  await signInAs(page.context(), await createUser("REVIEWER"));
  await page.goto("/review");
  await page.locator("#f-region").selectOption("Asia");
  await page.locator("#f-status").selectOption("SUBMITTED");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/\/review\?status=SUBMITTED&region=Asia/);
  await expect(page.getByRole("rowheader", { name: "Qatar" })).toBeVisible();
  await expect(page.getByRole("rowheader", { name: "Rwanda" })).toHaveCount(0);
  await page.getByRole("link", { name: "Sort by Country" }).click();
  await expect(page).toHaveURL(/status=SUBMITTED&region=Asia&dir=desc/);
  const names = await page.locator(".dashboard-table tbody th").allTextContents();
  expect(names).toEqual([...names].sort().reverse());
});
