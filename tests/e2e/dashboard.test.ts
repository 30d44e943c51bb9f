import { accessibilityViolations, expect, test } from "./fixtures";
import { prisma } from "./support/db";

test("the dashboard shows the imported responses and every other Member State as not started", async ({
  page,
  signedIn,
}) => {
  await signedIn("REVIEWER");
  await page.goto("/review");
  expect(await accessibilityViolations(page)).toEqual([]);
  await page.getByRole("link", { name: "Show all 193" }).click();
  await expect(page).toHaveURL(/\/review\?page=all$/);
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
  await expect(page.getByText(`Countries 1 to 25 of ${193 - withResponse}`)).toBeVisible();
  await page.goto("/review?status=NOT_STARTED&page=all");
  await expect(page.locator(".dashboard-table tbody tr")).toHaveCount(193 - withResponse);
});

test("the dashboard opens with the summary, fits a laptop screen and pages the table", async ({
  page,
  signedIn,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await signedIn("REVIEWER");
  await page.goto("/review");
  // The summary comes before the filters, the filters before the table.
  const top = async (selector: string) => (await page.locator(selector).boundingBox())!.y;
  expect(await top(".status-tiles")).toBeLessThan(await top(".filters"));
  expect(await top(".filters")).toBeLessThan(await top(".dashboard-table"));
  expect(await top(".reminder")).toBeLessThan(await top(".dashboard-table"));
  // 25 rows, the summary, the filters and the downloads; the header holds the language switcher.
  // Was 2,100 px: the world map with its legend and the response rate over time (issue 17)
  // come first and add about 560 px; the table still follows the filters, and the map's own
  // "Skip the map" link steps a keyboard over its 193 links.
  expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThan(2800);
  await expect(page.locator(".dashboard-table tbody tr")).toHaveCount(25);
  await expect(page.getByText("Countries 1 to 25 of 193")).toBeVisible();
  // Nothing wraps: each status label and each status cell sits on one line.
  for (const cell of await page.locator(".status-tile__label, .dashboard-table td.nowrap").all()) {
    const box = (await cell.boundingBox())!;
    const lineHeight = await cell.evaluate((el) => parseFloat(getComputedStyle(el).lineHeight));
    expect(box.height).toBeLessThan(lineHeight * 1.5);
  }
  // A status tile is a filter; the next page keeps it.
  await page.getByRole("link", { name: /^\d+ Not started$/ }).click();
  await expect(page).toHaveURL(/status=NOT_STARTED/);
  await page.getByRole("link", { name: "Next" }).click();
  await expect(page).toHaveURL(/status=NOT_STARTED&page=2/);
  await expect(page.getByText(/^Countries 26 to 50 of \d+$/)).toBeVisible();
  expect(await accessibilityViolations(page)).toEqual([]);
  // The header stays in view as the table scrolls with the page.
  // Scrolled so that the table's top is well above the screen: only a sticky header shows.
  await page.evaluate(() => {
    const table = document.querySelector(".dashboard-table")!.getBoundingClientRect();
    window.scrollBy(0, table.top + 300);
  });
  await expect
    .poll(() =>
      page
        .locator(".dashboard-table thead th")
        .first()
        .boundingBox()
        .then((b) => b!.y),
    )
    .toBeLessThan(5);
});

test("a filtered view is a shareable URL, and sorting keeps the filters", async ({
  page,
  signedIn,
}) => {
  await signedIn("REVIEWER");
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

test("the map and the rows come once, in the document, and stay when the page's script takes over", async ({
  page,
  signedIn,
  consoleErrors,
}) => {
  await signedIn("REVIEWER");
  const response = (await page.goto("/review?page=all"))!;
  const documentHtml = await response.text();
  // Compressed here, its kept markup compressed once (document-body.server.ts): gzip, sized, and
  // the same page as sent uncompressed (but for the request's own nonce).
  expect(response.headers()["content-encoding"]).toBe("gzip");
  expect(Number(response.headers()["content-length"])).toBeLessThan(documentHtml.length / 3);
  const uncompressed = await page.request.get("/review?page=all", {
    headers: { "Accept-Encoding": "identity", "Sec-Fetch-Dest": "document" },
  });
  expect(uncompressed.headers()["content-encoding"]).toBeUndefined();
  const withoutNonce = (html: string) => html.replaceAll(/nonce="[^"]*"/g, "");
  expect(withoutNonce(await uncompressed.text())).toBe(withoutNonce(documentHtml));
  // The map's markup and the rows are in the HTML once: the page's data does not repeat them.
  // Zimbabwe (the map's last country, the table's last row) is named only where the page shows it.
  const outsideScripts = await page.evaluate(() => {
    const body = document.body.cloneNode(true) as HTMLElement;
    for (const script of body.querySelectorAll("script")) script.remove();
    return body.innerHTML;
  });
  const count = (html: string) => html.split("Zimbabwe").length - 1;
  expect(count(outsideScripts)).toBeGreaterThanOrEqual(4); // the map's link, the row's
  expect(count(documentHtml)).toBe(count(outsideScripts));
  type DashboardData = {
    map: { svg: string | null };
    shown: { rows: unknown[] | null };
    timeline: object | null;
  };
  const dashboardData = () =>
    page.evaluate(() => {
      const router = (window as unknown as { __remixRouter?: { state: { loaderData: object } } })
        .__remixRouter;
      return (router?.state.loaderData as Record<string, DashboardData> | undefined)?.[
        "routes/review._index"
      ];
    });
  await expect.poll(dashboardData).toBeTruthy();
  const opened = (await dashboardData())!;
  expect(opened.map.svg).toBeNull();
  expect(opened.shown.rows).toBeNull();
  expect(opened.timeline).toBeNull();
  // Hydrated, the page still shows what the server rendered.
  const rows = page.locator(".dashboard-table tbody tr");
  await expect(rows).toHaveCount(193);
  await expect(page.locator(".world-map__canvas a[data-code]")).toHaveCount(193);
  await expect(rows.first().getByRole("checkbox")).toBeVisible();
  const timeline = page.locator("figure.response-timeline");
  await expect(timeline.locator("figcaption")).toHaveText("Submissions over time, by region");

  // A navigation in the page (sorting goes back to the first page): the rows come in its data,
  // and React renders them.
  await page.getByRole("link", { name: "Sort by Country" }).click();
  await expect(page).toHaveURL(/dir=desc/);
  await expect.poll(async () => (await dashboardData())?.shown.rows?.length).toBe(25);
  expect((await dashboardData())?.timeline).not.toBeNull();
  await expect(timeline.locator("figcaption")).toHaveText("Submissions over time, by region");
  await expect(rows).toHaveCount(25);
  const names = await page.locator(".dashboard-table tbody th").allTextContents();
  expect(names).toEqual([...names].sort((a, b) => b.localeCompare(a, "en")));
  await expect(page.locator(".world-map__canvas a[data-code]")).toHaveCount(193);
  expect(consoleErrors).toEqual([]);
});
