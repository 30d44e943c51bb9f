import { type FieldMetadata, getInputProps } from "@conform-to/react";
import type { InputHTMLAttributes, ReactNode } from "react";
import { MIN_PASSWORD_LENGTH } from "~/auth/schemas";
import { useCopy } from "~/i18n";

// Accessible form fields, written once: every control has a label, its hint and its errors are
// tied to it with aria-describedby, and an invalid control says so with aria-invalid.

export function ErrorList({ id, errors }: { id?: string; errors?: string[] | null }) {
  if (!errors?.length) return null;
  return (
    <ul id={id} className="field-error" role="list">
      {errors.map((error) => (
        <li key={error}>{error}</li>
      ))}
    </ul>
  );
}

type TextFieldProps = {
  label: ReactNode;
  hint?: ReactNode;
  meta: FieldMetadata<string | undefined>;
  type?: "text" | "email" | "password" | "search";
  inputProps?: InputHTMLAttributes<HTMLInputElement>;
};

export function TextField({ label, hint, meta, type = "text", inputProps }: TextFieldProps) {
  const hintId = hint ? `${meta.id}-hint` : undefined;
  return (
    <div className="field">
      <label htmlFor={meta.id}>{label}</label>
      {hint ? (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      <ErrorList id={meta.errorId} errors={meta.errors} />
      <input {...getInputProps(meta, { type, ariaDescribedBy: hintId })} {...inputProps} />
    </div>
  );
}

/** A file to upload, with its label, hint and errors, like TextField. */
export function FileField({
  label,
  hint,
  meta,
  accept,
}: {
  label: ReactNode;
  hint: ReactNode;
  meta: FieldMetadata<File | undefined>;
  accept: string;
}) {
  const hintId = `${meta.id}-hint`;
  return (
    <div className="field">
      <label htmlFor={meta.id}>{label}</label>
      <p className="hint" id={hintId}>
        {hint}
      </p>
      <ErrorList id={meta.errorId} errors={meta.errors} />
      <input {...getInputProps(meta, { type: "file", ariaDescribedBy: hintId })} accept={accept} />
    </div>
  );
}

/** Errors about the whole form (e.g. "wrong e-mail or password"), announced when they appear. */
export function FormErrors({ id, errors }: { id: string; errors?: string[] | null }) {
  if (!errors?.length) return null;
  return (
    <div className="notice notice--error" role="alert" id={id}>
      <ul>
        {errors.map((error) => (
          <li key={error}>{error}</li>
        ))}
      </ul>
    </div>
  );
}

/** A new password and its confirmation (invitation and password reset). */
export function NewPasswordFields({
  password,
  confirm,
}: {
  password: FieldMetadata<string | undefined>;
  confirm: FieldMetadata<string | undefined>;
}) {
  const copy = useCopy().password;
  return (
    <>
      <TextField
        label={copy.newPassword}
        hint={copy.hint({ min: MIN_PASSWORD_LENGTH })}
        meta={password}
        type="password"
        inputProps={{ autoComplete: "new-password" }}
      />
      <TextField
        label={copy.confirm}
        meta={confirm}
        type="password"
        inputProps={{ autoComplete: "new-password" }}
      />
    </>
  );
}
