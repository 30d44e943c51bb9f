import { countryName } from "~/countries";
import { prisma } from "~/db.server";
import { absoluteUrl } from "~/email/links.server";
import { deliverNow } from "~/email/outbox-sender.server";
import { type ComposedEmail, enqueueAll, toEach } from "~/email/outbox.server";
import { byLanguage } from "~/email/recipients";
import { copyFor } from "~/i18n/catalogues.server";
import { reminderEmail } from "~/email/templates/reminder";
import { logEvent } from "./event.server";
import { activeFocalPoints } from "./review.server";
import { forgetCurrentRound } from "./round.server";

// Reminders from the dashboard: one e-mail to each active focal point of each chosen country.
// A country without any active focal point is reported back instead (nobody to remind), by its
// code. Each focal point reads it in their language, the country's name too. A country's
// e-mails and its event are written in one transaction, then sent.

export async function sendReminders(input: {
  roundId: string;
  countryCodes: string[];
  actorId: string;
  message?: string;
}): Promise<{ reminded: string[]; withoutFocalPoint: string[] }> {
  const round = await prisma.round.findUniqueOrThrow({
    where: { id: input.roundId },
    select: { name: true, deadline: true },
  });
  const countries = await prisma.country.findMany({
    where: { code: { in: input.countryCodes } },
    select: {
      code: true,
      responses: { where: { roundId: input.roundId }, select: { id: true, status: true } },
    },
    orderBy: { code: "asc" },
  });
  const reminded: string[] = [];
  const withoutFocalPoint: string[] = [];
  const emailIds: string[] = [];
  for (const country of countries) {
    const focalPoints = await activeFocalPoints(country.code);
    if (focalPoints.length === 0) {
      withoutFocalPoint.push(country.code);
      continue;
    }
    const response = country.responses[0];
    const emails: ComposedEmail[] = [];
    for (const [locale, addresses] of byLanguage(focalPoints)) {
      const copy = copyFor(locale);
      const email = await reminderEmail({
        locale,
        countryName: countryName(country.code, locale),
        roundName: round.name,
        status: response ? copy.statuses[response.status] : copy.dashboard.notStarted,
        deadline: round.deadline,
        link: absoluteUrl(`/countries/${country.code}`),
        ...(input.message?.trim() ? { message: input.message.trim() } : {}),
      });
      emails.push(...toEach("reminder", addresses, email));
    }
    const ids = await prisma.$transaction(async (tx) => {
      await logEvent(
        {
          kind: "response.reminded",
          actorId: input.actorId,
          countryCode: country.code,
          responseId: response?.id ?? null,
          data: { recipients: focalPoints.length },
        },
        tx,
      );
      return enqueueAll(tx, emails);
    });
    emailIds.push(...ids);
    reminded.push(country.code);
  }
  await deliverNow(emailIds);
  return { reminded, withoutFocalPoint };
}

export async function setDeadline(roundId: string, deadline: Date | null, actorId: string) {
  await prisma.round.update({ where: { id: roundId }, data: { deadline } });
  forgetCurrentRound();
  await logEvent({
    kind: "round.deadline_set",
    actorId,
    data: { roundId, deadline: deadline?.toISOString() ?? null },
  });
}
