import { firstLink } from "../support/smtp";
import { accessibilityViolations, expect, test } from "./fixtures";
import { prisma } from "./support/db";
import { createUser, signInAs } from "./support/users";

const q14 = /^14\. How does your government use social media/;

test("submit, comment and return, revise and resubmit, see exactly the change, accept", async ({
  browser,
  mailbox,
}) => {
  test.setTimeout(90_000);
  const focal = await createUser("FOCAL_POINT", ["VNM"], "Linh");
  const reviewer = await createUser("REVIEWER", [], "Rita Reviewer");
  const focalContext = await browser.newContext();
  const reviewerContext = await browser.newContext();
  await signInAs(focalContext, focal);
  await signInAs(reviewerContext, reviewer);
  const fp = await focalContext.newPage();
  const rv = await reviewerContext.newPage();

  // The focal point answers two sections and submits.
  await fp.goto("/countries/VNM/sections/I");
  await fp
    .getByLabel(/^1\. What is the official e-government portal/)
    .fill("https://dichvucong.gov.vn");
  // Each save's redirect is awaited: a goto would cancel the form's submission.
  await fp.getByRole("button", { name: "Save draft" }).click();
  await expect(fp).toHaveURL(/\/sections\/I\?saved=1$/);
  await fp.goto("/countries/VNM/sections/VI");
  await fp.getByLabel(q14).fill("Facebook pages of ministries.");
  await fp.getByRole("button", { name: "Next" }).click();
  await expect(fp).toHaveURL(/\/sections\/VII$/);
  await fp.goto("/countries/VNM/review");
  await fp.getByLabel(/I\/We hereby authorize UNDESA/).check();
  await fp.getByRole("button", { name: "Submit the questionnaire" }).click();
  await expect(fp).toHaveURL(/submitted=1/);

  // The reviewer finds it on the dashboard.
  await rv.goto("/review?status=SUBMITTED&q=viet");
  expect(await accessibilityViolations(rv)).toEqual([]);
  // The table's link (the map names it "Viet Nam: Submitted").
  await rv.getByRole("link", { name: "Viet Nam", exact: true }).click();
  await expect(rv.getByRole("heading", { level: 1 })).toHaveText("Review: Viet Nam");
  expect(await accessibilityViolations(rv)).toEqual([]);

  // Comments on two questions, then the return.
  for (const [key, text] of [
    ["q1_national_portal", "Please list the other national portals too."],
    ["q14_social_media", "Which guidelines apply to officials?"],
  ] as const) {
    const answer = rv.locator(`#answer-${key}`);
    await answer.getByText("Comment", { exact: true }).click();
    await answer.getByRole("textbox").fill(text);
    await answer.getByRole("button", { name: "Add the comment" }).click();
    await expect(answer.locator(".comment")).toContainText(text);
  }
  await rv
    .getByLabel("Message to the focal points")
    .fill("Thank you. Please see the two comments.\nThe rest is fine.");
  await rv.getByRole("button", { name: "Return for revision" }).click();
  await expect(rv.getByRole("status")).toContainText("Returned for revision");

  const email = await mailbox.waitForEmail(
    (m) => m.to.includes(focal.email) && m.text.includes("Please see the two comments"),
  );
  expect(email.text).toContain("The rest is fine.");
  // Each comment on a question comes with the e-mail, linked to its question.
  expect(email.text).toContain("Comments on 2 questions");
  expect(email.text).toContain("Which guidelines apply to officials?");
  expect(email.html).toContain("/countries/VNM/sections/VI#q-q14_social_media");
  await fp.goto(firstLink(email, "/countries/VNM"));
  const banner = fp.getByRole("region", { name: "Returned for revision" });
  await expect(banner).toContainText("Rita Reviewer returned the response for revision");
  await expect(banner).toContainText("The rest is fine.");

  // The comments stand beside their questions; one answer changes; resubmit.
  await fp.goto("/countries/VNM/sections/VI");
  await expect(fp.getByRole("complementary", { name: "Comment from UN DESA" })).toContainText(
    "Which guidelines apply",
  );
  await fp
    .getByLabel(q14)
    .fill("Facebook pages of ministries, under the 2019 guidelines on social media.");
  await fp.getByRole("button", { name: "Next" }).click();
  await expect(fp).toHaveURL(/\/sections\/VII$/);
  await fp.goto("/countries/VNM/sections/I");
  await expect(fp.getByRole("complementary", { name: "Comment from UN DESA" })).toContainText(
    "other national portals",
  );
  await fp.goto("/countries/VNM/review");
  await fp.getByRole("button", { name: "Submit the questionnaire" }).click();
  await expect(fp).toHaveURL(/submitted=1/);

  // The reviewer sees exactly that change, and accepts.
  await rv.goto("/review/VNM");
  const changes = rv.locator(".changes");
  await expect(changes.getByRole("heading")).toContainText("Changed since submission 1");
  await expect(changes.locator("tbody tr")).toHaveCount(1);
  await expect(changes.locator("tbody tr")).toContainText("Facebook pages of ministries.");
  await expect(changes.locator("tbody tr")).toContainText("under the 2019 guidelines");
  // Word by word: what the focal point added is marked, and said to a screen reader.
  await expect(changes.locator("tbody tr ins")).toHaveText([
    /^added:\s*,? under the 2019 guidelines on social media/,
  ]);
  expect(await accessibilityViolations(rv)).toEqual([]);
  // Accepting asks first, naming the submission; nothing is accepted until confirmed.
  await rv.getByRole("link", { name: "Accept…" }).click();
  const confirm = rv.getByRole("region", { name: "Accept submission 2 of Viet Nam?" });
  await expect(confirm).toBeFocused();
  expect((await prisma.response.findFirstOrThrow({ where: { countryCode: "VNM" } })).status).toBe(
    "SUBMITTED",
  );
  expect(await accessibilityViolations(rv)).toEqual([]);
  await confirm.getByRole("button", { name: "Yes, accept this submission" }).click();
  await expect(rv.getByRole("status")).toHaveText("Accepted.");
  const response = await prisma.response.findFirstOrThrow({
    where: { countryCode: "VNM" },
    select: { status: true, acceptedAt: true },
  });
  expect(response.status).toBe("ACCEPTED");
  expect(response.acceptedAt).not.toBeNull();
  // Accepting again (a second reviewer's stale page) is refused by the server.
  const again = await rv.request.post("/review/VNM", {
    form: { intent: "accept", submission: "2" }, // the submission that page showed
    headers: { Origin: new URL(rv.url()).origin },
  });
  expect(again.status()).toBe(409);
  // The printable view, opened from the review, leads back to the review; a focal point's
  // print view leads to their country page whatever the link says.
  await rv.getByRole("link", { name: "Printable view" }).click();
  await rv.getByRole("link", { name: "Back to the review of Viet Nam" }).click();
  await expect(rv).toHaveURL(/\/review\/VNM$/);
  await fp.goto("/print/VNM?from=review");
  await expect(fp.getByRole("link", { name: "Viet Nam", exact: true })).toHaveAttribute(
    "href",
    "/countries/VNM",
  );
  await expect(fp.getByRole("link", { name: /Back to the review/ })).toHaveCount(0);
  await focalContext.close();
  await reviewerContext.close();
});

test("a reminder to the countries in draft reaches exactly their focal points", async ({
  page,
  mailbox,
  signedIn,
}) => {
  await signedIn("REVIEWER");
  const inDraft = await createUser("FOCAL_POINT", ["LAO"], "Draft person");
  const notStarted = await createUser("FOCAL_POINT", ["KHM"], "Not started person");
  await prisma.response.create({
    data: {
      roundId: "2020",
      countryCode: "LAO",
      questionnaireVersion: 1,
      answers: { q1_national_portal: "x" },
      fieldVersions: {},
    },
  });
  await page.goto("/review?status=DRAFT");
  await expect(
    page.getByRole("link", { name: "Lao People’s Democratic Republic", exact: true }),
  ).toBeVisible();
  const expected = await prisma.user.findMany({
    where: {
      active: true,
      role: "FOCAL_POINT",
      countries: {
        some: { country: { responses: { some: { roundId: "2020", status: "DRAFT" } } } },
      },
    },
    select: { email: true },
  });
  const before = mailbox.messages.length;
  await page.locator("summary", { hasText: "Send a reminder" }).click();
  await page.getByLabel("Message (optional)").fill("Two weeks left.");
  await page.getByRole("button", { name: /^Send to all \d+ countr/ }).click();
  await expect(page.getByRole("status").first()).toContainText("Reminder sent");
  await expect.poll(() => mailbox.messages.slice(before).length).toBe(expected.length);
  const recipients = mailbox.messages
    .slice(before)
    .flatMap((m) => m.to)
    .sort();
  expect(recipients).toEqual(expected.map((u) => u.email).sort());
  expect(recipients).toContain(inDraft.email);
  expect(recipients).not.toContain(notStarted.email);
  expect(mailbox.messages.slice(before).every((m) => m.text.includes("Two weeks left."))).toBe(
    true,
  );
  const reminded = await prisma.event.count({
    where: { kind: "response.reminded", countryCode: "LAO" },
  });
  expect(reminded).toBe(1);
});

test("a country without an active focal point is flagged instead of reminded", async ({
  page,
  signedIn,
}) => {
  await signedIn("ADMIN");
  await page.goto("/review?q=tuvalu");
  await page.getByRole("checkbox", { name: "Select Tuvalu" }).check();
  await page.locator("summary", { hasText: "Send a reminder" }).click();
  await page.getByRole("button", { name: "Send the reminder to the selected countries" }).click();
  await expect(page.getByRole("alert")).toContainText(
    "No active focal point, so no reminder: Tuvalu",
  );
});

test("the question view shows every country's answer, with counts per option", async ({
  page,
  signedIn,
}) => {
  await prisma.response.create({
    data: {
      roundId: "2020",
      countryCode: "MLT",
      questionnaireVersion: 1,
      status: "DRAFT",
      answers: { q15_new_tech_strategy: ["ai", "blockchain"] },
      fieldVersions: {},
    },
  });
  await signedIn("REVIEWER");
  await page.goto("/review/questions?key=q15_new_tech_strategy&region=Europe");
  expect(await accessibilityViolations(page)).toEqual([]);
  await expect(page.getByRole("row", { name: /Malta/ })).toContainText(
    "Artificial Intelligence (AI)",
  );
  await expect(page.getByRole("row", { name: /^Blockchain/ })).toContainText(/[1-9]/);
});

test("the event log lists actions, filtered by country", async ({ page, signedIn }) => {
  // Its own events, one per country, so the test depends on no other test having run first.
  const marker = `event-log-${Date.now()}`;
  await prisma.event.createMany({
    data: [
      { kind: "response.reminded", countryCode: "BTN", data: { marker } },
      { kind: "response.reminded", countryCode: "NPL", data: { marker } },
    ],
  });
  await signedIn("ADMIN");
  await page.goto("/admin/events?kind=response.reminded");
  expect(await accessibilityViolations(page)).toEqual([]);
  await expect(page.getByRole("row").filter({ hasText: marker })).toHaveCount(2);
  await page.goto("/admin/events?country=BTN");
  const rows = page.getByRole("row").filter({ hasText: marker });
  await expect(rows).toHaveCount(1);
  await expect(rows.getByRole("cell", { name: "BTN", exact: true })).toBeVisible();
});

test("a deadline set on the dashboard is shown on the country page and in the reminder", async ({
  page,
  browser,
  mailbox,
  signedIn,
}) => {
  const round = await prisma.round.findUniqueOrThrow({
    where: { id: "2020" },
    select: { deadline: true },
  });
  const focal = await createUser("FOCAL_POINT", ["BTN"], "Bhutan focal");
  await prisma.response.deleteMany({ where: { roundId: "2020", countryCode: "BTN" } });
  await prisma.response.create({
    data: {
      roundId: "2020",
      countryCode: "BTN",
      questionnaireVersion: 1,
      answers: {},
      fieldVersions: {},
    },
  });
  try {
    await signedIn("ADMIN");
    await page.goto("/review");
    await page.getByLabel("Deadline of the round").fill("2031-06-15");
    await page.getByRole("button", { name: "Save the deadline" }).click();
    await expect(page.getByRole("status").first()).toHaveText("Deadline saved.");
    await expect(page.getByRole("main")).toContainText(/Deadline: .*2031/);

    // Each server process keeps the round for up to 5 s (app/models/round.server.ts): past
    // that, every process shows the new deadline.
    await page.waitForTimeout(5_500);
    const focalContext = await browser.newContext();
    await signInAs(focalContext, focal);
    const country = await focalContext.newPage();
    await country.goto("/countries/BTN");
    await expect(country.getByRole("main")).toContainText("2031");
    await focalContext.close();

    await page.goto("/review?q=bhutan");
    await page.locator("summary", { hasText: "Send a reminder" }).click();
    await page.getByRole("button", { name: /^Send to all 1 countr/ }).click();
    await expect(page.getByRole("status").first()).toContainText("Reminder sent");
    const email = await mailbox.waitForEmail((m) => m.to.includes(focal.email));
    expect(email.text).toMatch(/15 June 2031/);
  } finally {
    await prisma.round.update({ where: { id: "2020" }, data: { deadline: round.deadline } });
  }
});

test.describe("the reviewer's page without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("Accept asks first, then accepts; the page has its own contents and quiet comment controls", async ({
    page,
    signedIn,
  }) => {
    await signedIn("REVIEWER", [], "Rita Reviewer");
    await prisma.response.deleteMany({ where: { roundId: "2020", countryCode: "SYC" } });
    const answers = { q14_social_media: "On the government's pages." };
    await prisma.response.create({
      data: {
        roundId: "2020",
        countryCode: "SYC",
        status: "SUBMITTED",
        questionnaireVersion: 1,
        answers,
        fieldVersions: {},
        submittedAt: new Date(),
        submissions: { create: { number: 1, questionnaireVersion: 1, answers } },
      },
    });
    await page.goto("/review/SYC");

    // "On this page" leads to each section of the answers.
    const contents = page.getByRole("navigation", { name: "On this page" });
    await expect(contents.getByRole("link", { name: "VI. Social Media" })).toHaveAttribute(
      "href",
      "#s-VI",
    );
    // One quiet "Comment" control per question, each named after its question.
    const toggles = page.locator(".answer .comment-toggle > summary");
    const count = await toggles.count();
    expect(count).toBeGreaterThan(40);
    const names = await toggles.evaluateAll((els) =>
      els.map((el) => el.querySelector(".visually-hidden")?.textContent ?? ""),
    );
    expect(new Set(names).size).toBe(count);
    expect(names[0]).toMatch(/^Comment on: 1\. /);
    const size = await toggles.first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    const body = await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
    expect(size).toBeLessThan(body);

    await page.getByRole("link", { name: "Accept…" }).click();
    const confirm = page.getByRole("region", { name: "Accept submission 1 of Seychelles?" });
    await expect(confirm).toBeVisible();
    expect((await prisma.response.findFirstOrThrow({ where: { countryCode: "SYC" } })).status).toBe(
      "SUBMITTED",
    );
    await confirm.getByRole("button", { name: "Yes, accept this submission" }).click();
    await expect(page.getByRole("status")).toHaveText("Accepted.");
    expect((await prisma.response.findFirstOrThrow({ where: { countryCode: "SYC" } })).status).toBe(
      "ACCEPTED",
    );
  });
});
