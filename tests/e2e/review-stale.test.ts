import { expect, test } from "./fixtures";
import { prisma } from "./support/db";
import { createUser, signInAs } from "./support/users";

// A decision is bound to the submission the reviewer saw: a page opened before a return and a
// resubmission must not accept (and so publish) answers nobody reviewed.

test("an Accept from a page opened before a resubmission is refused with 409, and nothing is accepted", async ({
  browser,
}) => {
  test.setTimeout(60_000);
  const focal = await createUser("FOCAL_POINT", ["KGZ"], "Aigul");
  const reviewer = await createUser("REVIEWER", [], "Rita Reviewer");
  const colleague = await createUser("REVIEWER", [], "Colleague Reviewer");
  const round = await prisma.round.findFirstOrThrow({ select: { id: true } });
  // Submission 1, straight into the database.
  const response = await prisma.response.create({
    data: {
      roundId: round.id,
      countryCode: "KGZ",
      status: "SUBMITTED",
      questionnaireVersion: 1,
      answers: { q14_social_media: "First answer." },
      fieldVersions: {},
      authorizePublication: true,
      revision: 1,
      submittedAt: new Date(),
      submissions: {
        create: {
          number: 1,
          questionnaireVersion: 1,
          answers: { q14_social_media: "First answer." },
          authorizePublication: true,
          submittedById: focal.id,
        },
      },
    },
    select: { id: true },
  });

  const [rvContext, colleagueContext, fpContext] = [
    await browser.newContext(),
    await browser.newContext(),
    await browser.newContext(),
  ];
  await signInAs(rvContext, reviewer);
  await signInAs(colleagueContext, colleague);
  await signInAs(fpContext, focal);

  // The reviewer opens the page on submission 1 (and leaves it open).
  const rv = await rvContext.newPage();
  await rv.goto("/review/KGZ");
  await expect(rv.getByText("Submission 1", { exact: true })).toBeVisible();
  // …and goes as far as the confirmation of Accept.
  await rv.getByRole("link", { name: "Accept…" }).click();
  await expect(
    rv.getByRole("region", { name: "Accept submission 1 of Kyrgyzstan?" }),
  ).toBeVisible();

  // Meanwhile a colleague returns it, and the country resubmits.
  const other = await colleagueContext.newPage();
  await other.goto("/review/KGZ");
  await other.getByLabel("Message to the focal points").fill("Please say more.");
  await other.getByRole("button", { name: "Return for revision" }).click();
  await expect(other.getByRole("status")).toContainText("Returned for revision");
  const fp = await fpContext.newPage();
  await fp.goto("/countries/KGZ/review");
  await fp.getByRole("button", { name: "Submit the questionnaire" }).click();
  await expect(fp).toHaveURL(/submitted=1/);
  const second = await prisma.submission.findUniqueOrThrow({
    where: { responseId_number: { responseId: response.id, number: 2 } },
    select: { createdAt: true },
  });

  // The stale Accept.
  const posted = rv.waitForResponse((r) => r.request().method() === "POST");
  await rv.getByRole("button", { name: "Yes, accept this submission" }).click();
  expect((await posted).status()).toBe(409);
  const day = second.createdAt.toLocaleDateString("en-GB", {
    day: "numeric",
    month: "short",
    year: "numeric",
    timeZone: "UTC",
  });
  await expect(rv.getByRole("alert")).toHaveText(
    new RegExp(
      `^Kyrgyzstan resubmitted on ${day}, \\d\\d:\\d\\d UTC after you opened this page: review the new submission\\.$`,
    ),
  );
  const after = await prisma.response.findUniqueOrThrow({
    where: { id: response.id },
    select: { status: true, acceptedAt: true },
  });
  expect(after).toEqual({ status: "SUBMITTED", acceptedAt: null });
  expect(
    await prisma.event.count({ where: { responseId: response.id, kind: "response.accepted" } }),
  ).toBe(0);

  // The page now shows the new submission; accepting that one works.
  await expect(rv.getByText("Submission 2", { exact: true })).toBeVisible();
  await rv.getByRole("link", { name: "Accept…" }).click();
  await rv.getByRole("button", { name: "Yes, accept this submission" }).click();
  await expect(rv.getByRole("status")).toContainText("Accepted.");
  expect((await prisma.response.findUniqueOrThrow({ where: { id: response.id } })).status).toBe(
    "ACCEPTED",
  );
});
