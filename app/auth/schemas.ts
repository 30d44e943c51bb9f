import { z } from "~/zod";
import type { Copy } from "~/i18n/copy";

// Form schemas for the account pages, shared by the browser (Conform) and the server, each made
// for the page's language.
export const MIN_PASSWORD_LENGTH = 12;

/** A person's e-mail address in every account form: required, and shaped like one. */
export const emailAddress = (copy: Copy) =>
  z.email({
    error: (issue) => (issue.input ? copy.signIn.emailInvalid : copy.signIn.emailRequired),
  });

export const signInSchema = (copy: Copy) =>
  z.object({
    email: emailAddress(copy),
    password: z
      .string({ error: copy.signIn.passwordRequired })
      .min(1, copy.signIn.passwordRequired),
    redirectTo: z.string().optional(),
  });

const newPasswordFields = (copy: Copy) => ({
  password: z
    .string({ error: copy.password.tooShort({ min: MIN_PASSWORD_LENGTH }) })
    .min(MIN_PASSWORD_LENGTH, copy.password.tooShort({ min: MIN_PASSWORD_LENGTH }))
    .max(200, copy.password.tooLong),
  confirm: z.string({ error: copy.password.mismatch }),
});

const passwordsMatch = (value: { password: string; confirm: string }) =>
  value.password === value.confirm;
const mismatch = (copy: Copy) => ({ message: copy.password.mismatch, path: ["confirm"] });

export const newPasswordSchema = (copy: Copy) =>
  z.object(newPasswordFields(copy)).refine(passwordsMatch, mismatch(copy));

export const acceptInvitationSchema = (copy: Copy) =>
  z
    .object({
      name: z
        .string({ error: copy.invitation.nameRequired })
        .trim()
        .min(1, copy.invitation.nameRequired)
        .max(200),
      ...newPasswordFields(copy),
    })
    .refine(passwordsMatch, mismatch(copy));

export const forgotPasswordSchema = (copy: Copy) => z.object({ email: emailAddress(copy) });

/** An authenticator app's code or a recovery code (the server tells which). */
const secondFactorCode = (copy: Copy) =>
  z
    .string({ error: copy.secondFactor.codeRequired })
    .trim()
    .min(1, copy.secondFactor.codeRequired)
    .max(40, copy.secondFactor.codeInvalid);

export const secondStepSchema = (copy: Copy) =>
  z.object({ code: secondFactorCode(copy), redirectTo: z.string().optional() });

export const enrolmentSchema = (copy: Copy) =>
  z.object({
    code: secondFactorCode(copy),
    sealed: z.string().max(500),
    redirectTo: z.string().optional(),
  });
