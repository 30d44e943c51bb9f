import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { prisma } from "./support/db";

// Every main page as a person sees it, on a laptop and on a phone: the screenshots land in the
// test output (test-results/) to be looked at, and the checks catch what a phone makes worse:
// a page wider than the screen, a section list that hides the first question.

const WIDTHS = [1280, 375, 320] as const;

async function noSidewaysScroll(page: Page) {
  const { scroll, client, widest } = await page.evaluate(() => {
    const client = document.documentElement.clientWidth;
    // The outermost elements that stick out, to say what to fix.
    const out = [...document.querySelectorAll("body *")].filter((el) => {
      const parent = el.parentElement!.getBoundingClientRect();
      return el.getBoundingClientRect().right > client + 1 && parent.right <= client + 1;
    });
    const describe = (el: Element) =>
      `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}${el.className ? `.${String(el.className).split(" ").join(".")}` : ""}`;
    return {
      scroll: document.documentElement.scrollWidth,
      client,
      widest: out.slice(0, 3).map(describe).join(", "),
    };
  });
  expect(scroll, `${page.url()} is wider than the screen: ${widest}`).toBeLessThanOrEqual(client);
}

async function shoot(page: Page, name: string, width: number) {
  await page.screenshot({ path: test.info().outputPath(`${name}-${width}.png`), fullPage: true });
}

test("focal point's pages on a laptop and a phone", async ({ page, signedIn }) => {
  test.setTimeout(120_000);
  await signedIn("FOCAL_POINT", ["BTN"], "Ama");
  // Another test may have left a Bhutan response: start from this one.
  await prisma.response.deleteMany({ where: { roundId: "2020", countryCode: "BTN" } });
  await prisma.response.create({
    data: {
      roundId: "2020",
      countryCode: "BTN",
      questionnaireVersion: 1,
      answers: { q1_national_portal: "https://ghana.gov.gh", q4_has_cio: "yes" },
      fieldVersions: {},
    },
  });
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 800 });
    for (const [name, path] of [
      ["country", "/countries/BTN"],
      ["section", "/countries/BTN/sections/I"],
      ["check-answers", "/countries/BTN/review"],
    ] as const) {
      await page.goto(path);
      await noSidewaysScroll(page);
      if (width !== 320) await shoot(page, name, width);
    }
    await page.goto("/countries/BTN/sections/I");
    const firstQuestion = page.locator(".question").first();
    if (width < 960) {
      // The section list is folded behind "Sections", so the first question is on screen.
      await expect(page.locator(".section-nav")).toBeHidden();
      expect((await firstQuestion.boundingBox())!.y).toBeLessThan(800);
      await page.locator(".section-nav-details > summary").click();
      await expect(page.locator(".section-nav")).toBeVisible();
    } else {
      await expect(page.locator(".section-nav")).toBeVisible();
      await expect(page.locator(".section-nav-details > summary")).toBeHidden();
    }
  }
});

test("reviewer's and administrator's pages on a laptop and a phone", async ({ page, signedIn }) => {
  test.setTimeout(120_000);
  await signedIn("ADMIN");
  // A resubmitted response, so that the review page shows what changed.
  await prisma.response.deleteMany({ where: { roundId: "2020", countryCode: "MUS" } });
  const first = {
    q1_national_portal: "https://www.govmu.org",
    q14_social_media: "Ministries publish on Facebook and Twitter.",
  };
  const second = {
    q1_national_portal: "https://www.govmu.org",
    q14_social_media: "Ministries publish on Facebook, X and YouTube, under the 2019 guidelines.",
  };
  await prisma.response.create({
    data: {
      roundId: "2020",
      countryCode: "MUS",
      status: "SUBMITTED",
      questionnaireVersion: 1,
      answers: second,
      fieldVersions: {},
      submittedAt: new Date(),
      submissions: {
        create: [
          { number: 1, questionnaireVersion: 1, answers: first },
          { number: 2, questionnaireVersion: 1, answers: second },
        ],
      },
    },
  });
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 800 });
    for (const [name, path] of [
      ["dashboard", "/review"],
      ["review", "/review/MUS"],
      ["review-accept", "/review/MUS?confirm=accept"],
      ["questions", "/review/questions?key=q4_has_cio"],
      ["print", "/print/RWA"],
      ["users", "/admin/users"],
      ["imports", "/admin/imports"],
      ["published", "/published"],
    ] as const) {
      await page.goto(path);
      // Wide tables scroll inside their own box on a phone; the page itself does not.
      await noSidewaysScroll(page);
      if (width !== 320) await shoot(page, name, width);
    }
  }
});

test("choice labels read as text, and an invalid question is marked beside it", async ({
  page,
  signedIn,
}) => {
  await signedIn("FOCAL_POINT", ["MDV"]);
  await page.goto("/countries/MDV/sections/II");
  const option = page.locator(".choice label").first();
  expect(await option.evaluate((el) => getComputedStyle(el).fontWeight)).toBe("400");
  const box = page.locator('input[type="checkbox"]').first();
  expect(await box.evaluate((el) => getComputedStyle(el).accentColor)).not.toBe("auto");
  // An over-long answer is kept as a draft and flagged; its question gets the error marker.
  const longText = page.locator("textarea").first();
  await longText.fill("word ".repeat(260));
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page).toHaveURL(/saved=1/);
  const marked = page.locator(".question:has(> .field-error)").first();
  await expect(marked).toBeVisible();
  expect(await marked.evaluate((el) => getComputedStyle(el).borderInlineStartWidth)).toBe("5px");
});
