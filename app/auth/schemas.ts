import { z } from "zod";
import { en } from "~/i18n/en";

// Form schemas for the account pages, shared by the browser (Conform) and the server.
export const MIN_PASSWORD_LENGTH = 12;
const copy = en;

/** A person's e-mail address in every account form: required, and shaped like one. */
export const emailAddress = z.email({
  error: (issue) => (issue.input ? copy.signIn.emailInvalid : copy.signIn.emailRequired),
});

export const signInSchema = z.object({
  email: emailAddress,
  password: z.string({ error: copy.signIn.passwordRequired }).min(1, copy.signIn.passwordRequired),
  redirectTo: z.string().optional(),
});

export const newPasswordFields = {
  password: z
    .string({ error: copy.password.tooShort(MIN_PASSWORD_LENGTH) })
    .min(MIN_PASSWORD_LENGTH, copy.password.tooShort(MIN_PASSWORD_LENGTH))
    .max(200, copy.password.tooLong),
  confirm: z.string({ error: copy.password.mismatch }),
};

const passwordsMatch = (value: { password: string; confirm: string }) =>
  value.password === value.confirm;
const mismatch = { message: copy.password.mismatch, path: ["confirm"] };

export const newPasswordSchema = z.object(newPasswordFields).refine(passwordsMatch, mismatch);

export const acceptInvitationSchema = z
  .object({
    name: z
      .string({ error: copy.invitation.nameRequired })
      .trim()
      .min(1, copy.invitation.nameRequired)
      .max(200),
    ...newPasswordFields,
  })
  .refine(passwordsMatch, mismatch);

export const forgotPasswordSchema = z.object({ email: emailAddress });
