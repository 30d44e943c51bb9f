import { accessibilityViolations, expect, test } from "./fixtures";
import { prisma } from "./support/db";
import { createUser, signInAs, type TestUser } from "./support/users";

// A returned response, as a reviewer leaves it: the return message (a general comment and the
// event that carries it) and a comment on one question.
async function returnedResponse(countryCode: string, reviewer: TestUser) {
  const response = await prisma.response.create({
    data: {
      roundId: "2020",
      countryCode,
      questionnaireVersion: 1,
      status: "RETURNED",
      answers: { q14_social_media: "Facebook pages of ministries." },
      fieldVersions: {},
    },
    select: { id: true },
  });
  const message = "Thank you. Please see the comment on social media.";
  await prisma.comment.create({
    data: { responseId: response.id, fieldKey: null, authorId: reviewer.id, body: message },
  });
  const onQuestion = await prisma.comment.create({
    data: {
      responseId: response.id,
      fieldKey: "q14_social_media",
      authorId: reviewer.id,
      body: "Which guidelines apply to officials?",
    },
    select: { id: true },
  });
  await prisma.event.createMany({
    data: [
      {
        kind: "response.saved",
        countryCode,
        responseId: response.id,
        fields: ["authorize_publication"],
      },
      {
        kind: "response.returned",
        actorId: reviewer.id,
        countryCode,
        responseId: response.id,
        data: { message },
      },
    ],
  });
  return { responseId: response.id, message, threadId: onQuestion.id };
}

test("a focal point sees the return message and each comment on the country page, and replies", async ({
  page,
  signedIn,
}) => {
  const reviewer = await createUser("REVIEWER", [], "Rita Reviewer");
  const focal = await signedIn("FOCAL_POINT", ["KEN"], "Wanjiru");
  const { responseId, message, threadId } = await returnedResponse("KEN", reviewer);
  await page.goto("/countries/KEN");

  const banner = page.getByRole("region", { name: "Returned for revision" });
  await expect(banner).toContainText("Rita Reviewer returned the response for revision");
  await expect(banner).toContainText(message);
  await expect(banner.getByRole("link", { name: /2 comments wait/ })).toHaveAttribute(
    "href",
    "#comments",
  );
  expect(await accessibilityViolations(page)).toEqual([]);
  await page.screenshot({ path: test.info().outputPath("country-returned.png"), fullPage: true });
  // The history names the authorisation in words, not by its key.
  await expect(page.locator(".history")).toContainText("(publication authorisation)");
  await expect(page.locator(".history")).not.toContainText("authorize_publication");

  // Each comment links to its question.
  const thread = page.locator(`#thread-${threadId}`);
  await expect(thread).toContainText("Which guidelines apply to officials?");
  await expect(thread).toContainText("Waiting for you");
  await expect(thread.getByRole("link", { name: /^Section VI: 14\. How does/ })).toHaveAttribute(
    "href",
    "/countries/KEN/sections/VI#q-q14_social_media",
  );

  // An empty reply is refused beside the field; a reply is kept and the thread is answered.
  await thread.locator("summary", { hasText: "Reply" }).click();
  await thread.getByRole("button", { name: "Send the reply" }).click();
  await expect(page.locator(`#thread-${threadId}`).locator(".field-error")).toHaveText(
    "Write your reply.",
  );
  await page
    .locator(`#thread-${threadId}`)
    .getByLabel("Your reply to UN DESA")
    .fill("The 2019 guidelines on social media for public servants.");
  await page.locator(`#thread-${threadId}`).getByRole("button", { name: "Send the reply" }).click();
  await expect(page.getByRole("status")).toContainText("Your reply has been sent to UN DESA.");
  await expect(page.locator(`#thread-${threadId}`)).toContainText("Replied");
  await expect(page.locator(`#thread-${threadId}`)).toContainText("The 2019 guidelines");
  const replies = await prisma.comment.findMany({
    where: { responseId, parentId: threadId },
    select: { authorId: true, fieldKey: true, body: true },
  });
  expect(replies).toEqual([
    {
      authorId: focal.id,
      fieldKey: "q14_social_media",
      body: "The 2019 guidelines on social media for public servants.",
    },
  ]);

  // The reviewer reads the reply in the thread beside the answer.
  const rv = await page.context().browser()!.newContext();
  await signInAs(rv, reviewer);
  const review = await rv.newPage();
  await review.goto("/review/KEN");
  await expect(review.locator("#answer-q14_social_media")).toContainText("The 2019 guidelines");
  await rv.close();
});

test("replying works without JavaScript", async ({ browser }) => {
  const reviewer = await createUser("REVIEWER");
  const focal = await createUser("FOCAL_POINT", ["UGA"]);
  const { responseId, threadId } = await returnedResponse("UGA", reviewer);
  const context = await browser.newContext({ javaScriptEnabled: false });
  await signInAs(context, focal);
  const page = await context.newPage();
  await page.goto("/countries/UGA");
  const thread = page.locator(`#thread-${threadId}`);
  await thread.locator("summary", { hasText: "Reply" }).click();
  await thread.getByLabel("Your reply to UN DESA").fill("Answered without scripts.");
  await thread.getByRole("button", { name: "Send the reply" }).click();
  await expect(page).toHaveURL(/\/countries\/UGA\?replied=1/);
  await expect(page.getByRole("status")).toContainText("Your reply has been sent");
  expect(
    await prisma.comment.count({
      where: { responseId, parentId: threadId, body: "Answered without scripts." },
    }),
  ).toBe(1);
  await context.close();
});

test("only the country's own focal points reply, and only into its own threads", async ({
  page,
  signedIn,
}) => {
  const reviewer = await createUser("REVIEWER");
  const { responseId, threadId } = await returnedResponse("TZA", reviewer);
  const other = await returnedResponse("ZMB", reviewer);
  const origin = new URL(test.info().project.use.baseURL!).origin;
  const post = (form: Record<string, string>, path = "/countries/TZA") =>
    page.request.post(path, { form, headers: { Origin: origin }, maxRedirects: 0 });
  const reply = { intent: "reply", threadId, body: "Not allowed." };
  const count = () =>
    prisma.comment.count({ where: { responseId: { in: [responseId, other.responseId] } } });
  const before = await count();

  await signInAs(page.context(), reviewer);
  expect((await post(reply)).status()).toBe(403);
  await page.context().clearCookies();
  await signedIn("FOCAL_POINT", ["ZMB"]);
  expect((await post(reply)).status()).toBe(404);
  await page.context().clearCookies();
  await signedIn("FOCAL_POINT", ["TZA"]);
  // Another country's thread id, posted to one's own country: not found, nothing written.
  expect((await post({ ...reply, threadId: other.threadId })).status()).toBe(404);
  expect(await count()).toBe(before);
});
