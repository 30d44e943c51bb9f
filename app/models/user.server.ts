import { endAllSessions } from "~/auth/session.server";
import { hashPassword } from "~/auth/password.server";
import { normaliseEmail } from "~/auth/sign-in.server";
import { issueTokenIn, voidUnusedTokens } from "~/auth/tokens.server";
import { prisma } from "~/db.server";
import { runAfterResponse } from "~/email/after-response.server";
import { deliverNow } from "~/email/outbox-sender.server";
import type { Role } from "~/generated/prisma/enums";
import type { Prisma } from "~/generated/prisma/client";
import { type Locale, savedLocale } from "~/i18n/locale";
import { queueInvitation, queuePasswordChanged } from "./account-emails.server";
import { logEvent } from "./event.server";

// Accounts: listing, invitations, role and country changes, (de)activation, passwords.
// Every change is written to the event log with who made it.

/** What the account pages read (the hash only to tell "invited, no password yet"; never sent). */
const accountSelect = {
  id: true,
  email: true,
  name: true,
  role: true,
  active: true,
  passwordHash: true,
  totpEnabledAt: true,
  countries: { select: { countryCode: true }, orderBy: { countryCode: "asc" } },
} as const;

export type UserFilter = { role?: Role; country?: string; active?: boolean };

export async function listUsers(filter: UserFilter = {}) {
  return prisma.user.findMany({
    where: {
      ...(filter.role ? { role: filter.role } : {}),
      ...(filter.active !== undefined ? { active: filter.active } : {}),
      ...(filter.country ? { countries: { some: { countryCode: filter.country } } } : {}),
    },
    select: accountSelect,
    orderBy: [{ role: "asc" }, { email: "asc" }],
  });
}

export async function getUser(id: string) {
  return prisma.user.findUnique({
    where: { id },
    select: { ...accountSelect, createdAt: true },
  });
}

/** The address already has an account with a password (the pages say so: admin.hasAccount). */
export class AccountError extends Error {
  constructor() {
    super("the address already has an account");
  }
}

/**
 * Creates the account (without a password) or, for someone invited before who has not yet set
 * a password, updates it; either way issues a fresh invitation token (the old link stops
 * working). Returns the token for the e-mail.
 */
export async function inviteUser(input: {
  email: string;
  role: Role;
  countries: string[];
  invitedById: string | null;
  /** The name the inviter has for them (a bulk CSV): the invitation page offers it. */
  name?: string | null;
  /** Their language, when the inviter knows it: the invitation and the pages use it. */
  locale?: Locale | null;
  /** Queue the invitation e-mail with the account and its link (else the caller sends it). */
  invitationEmail?: { inviterName: string; round?: { name: string; deadline: Date | null } };
  /** More to write in the same transaction (a bulk line's state); throwing undoes it all. */
  alsoInTransaction?: (
    tx: Prisma.TransactionClient,
    invited: { userId: string; emailId: string | null },
  ) => Promise<void>;
}) {
  const email = normaliseEmail(input.email);
  const name = input.name?.trim() ? { name: input.name.trim() } : {};
  const locale = input.locale ? { locale: input.locale } : {};
  const countries = input.role === "FOCAL_POINT" ? [...new Set(input.countries)] : [];
  const existing = await prisma.user.findUnique({
    where: { email },
    select: { id: true, passwordHash: true },
  });
  if (existing?.passwordHash) {
    throw new AccountError();
  }
  const user = await prisma.$transaction(async (tx) => {
    const saved = existing
      ? await tx.user.update({
          where: { id: existing.id },
          data: { role: input.role, active: true, ...name, ...locale },
          select: { id: true, locale: true },
        })
      : await tx.user.create({
          data: { email, role: input.role, ...name, ...locale },
          select: { id: true, locale: true },
        });
    await tx.userCountry.deleteMany({ where: { userId: saved.id } });
    if (countries.length > 0) {
      await tx.userCountry.createMany({
        data: countries.map((countryCode) => ({ userId: saved.id, countryCode })),
      });
    }
    await logEvent(
      {
        kind: existing ? "user.reinvited" : "user.invited",
        actorId: input.invitedById,
        subjectId: saved.id,
        data: { email, role: input.role, countries },
      },
      tx,
    );
    const { token, expiresAt } = await issueTokenIn(tx, saved.id, "INVITATION");
    // The invitation's language: the one given now, else the one saved by an earlier invitation.
    const invited = { userId: saved.id, email, token, expiresAt, countries };
    const withLocale = { ...invited, locale: savedLocale(saved.locale) };
    const emailId = input.invitationEmail
      ? await queueInvitation(tx, { ...withLocale, role: input.role, ...input.invitationEmail })
      : null;
    await input.alsoInTransaction?.(tx, { userId: saved.id, emailId });
    return { ...withLocale, emailId };
  });
  if (user.emailId) await deliverNow([user.emailId]);
  return user;
}

export async function updateUserAccess(
  userId: string,
  input: { role: Role; countries: string[] },
  actorId: string,
) {
  const countries = input.role === "FOCAL_POINT" ? [...new Set(input.countries)] : [];
  await prisma.$transaction(async (tx) => {
    const before = await tx.user.findUniqueOrThrow({
      where: { id: userId },
      select: { role: true, countries: { select: { countryCode: true } } },
    });
    await tx.user.update({ where: { id: userId }, data: { role: input.role } });
    await tx.userCountry.deleteMany({ where: { userId } });
    if (countries.length > 0) {
      await tx.userCountry.createMany({
        data: countries.map((countryCode) => ({ userId, countryCode })),
      });
    }
    await logEvent(
      {
        // A change of role is a security event of its own (who gained or lost rights).
        kind: before.role !== input.role ? "user.role_changed" : "user.access_changed",
        actorId,
        subjectId: userId,
        data: {
          role: input.role,
          countries,
          previousRole: before.role,
          previousCountries: before.countries.map((c) => c.countryCode),
        },
      },
      tx,
    );
  });
}

/** Deactivation ends every session of the user at once; their answers stay. */
export async function setUserActive(userId: string, active: boolean, actorId: string) {
  await prisma.user.update({ where: { id: userId }, data: { active } });
  if (!active) await endAllSessions(userId);
  await logEvent({
    kind: active ? "user.reactivated" : "user.deactivated",
    actorId,
    subjectId: userId,
  });
}

/**
 * Sets the password (after an invitation or a reset), voids the user's other one-time links,
 * ends every session, and tells the owner by e-mail (after the answer: `notified`), in their
 * saved language, else in `pageLocale`, the language of the page they set it on.
 */
export async function setPassword(
  userId: string,
  password: string,
  options: { name?: string; pageLocale?: Locale } = {},
) {
  const { name } = options;
  const passwordHash = await hashPassword(password);
  const emailId = await prisma.$transaction(async (tx) => {
    const before = await tx.user.findUniqueOrThrow({
      where: { id: userId },
      select: { email: true, passwordHash: true, locale: true },
    });
    await tx.user.update({
      where: { id: userId },
      data: { passwordHash, ...(name ? { name } : {}) },
    });
    await voidUnusedTokens(userId, tx);
    await logEvent({ kind: "user.password_set", actorId: userId, subjectId: userId }, tx);
    // The notice is queued with the change: a new password never goes unannounced.
    return queuePasswordChanged(tx, {
      email: before.email,
      locale: savedLocale(before.locale, options.pageLocale),
      firstPassword: before.passwordHash === null,
      changedAt: new Date(),
    });
  });
  await endAllSessions(userId);
  const notified = runAfterResponse("Password-changed e-mail", () => deliverNow([emailId]));
  return { notified };
}

export async function findActiveUserByEmail(email: string) {
  return prisma.user.findFirst({
    where: { email: normaliseEmail(email), active: true },
    select: { id: true, email: true, locale: true },
  });
}

/** The language a user chose for the pages and their e-mails. */
export async function saveLocale(userId: string, locale: Locale) {
  await prisma.user.update({ where: { id: userId }, data: { locale } });
}
