import { getFormProps, getSelectProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form, Link } from "@remix-run/react";
import {
  createTokenSchema,
  DEFAULT_TOKEN_LIFETIME_DAYS,
  MAX_TOKEN_NAME_LENGTH,
  TOKEN_LIFETIMES_DAYS,
  type TokenState,
} from "~/api/token-form";
import { ErrorList, FormErrors, TextField } from "~/components/forms";
import { LocalTime } from "~/components/time";
import { useCopy } from "~/i18n";

// Personal access tokens on a page: the list (each with its last use and a Revoke button), the
// form that creates one, and the new token shown once. The account page shows a person's own;
// an administrator's page of a user shows that user's (revoke only). Plain forms: they work
// without JavaScript, and the server checks everything (app/api/tokens.server.ts).

export type TokenRow = {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  expiresAt: string;
  lastUsedAt: string | null;
  state: TokenState;
};

export function TokenTable({ tokens }: { tokens: TokenRow[] }) {
  const copy = useCopy().apiTokens;
  if (tokens.length === 0) return <p>{copy.none}</p>;
  const states: Record<TokenState, string> = {
    active: copy.stateActive,
    expired: copy.stateExpired,
    revoked: copy.stateRevoked,
  };
  return (
    <div className="table-scroll">
      <table>
        <thead>
          <tr>
            <th scope="col">{copy.name}</th>
            <th scope="col">{copy.prefix}</th>
            <th scope="col">{copy.created}</th>
            <th scope="col">{copy.expires}</th>
            <th scope="col">{copy.lastUsed}</th>
            <th scope="col">{copy.state}</th>
            <td />
          </tr>
        </thead>
        <tbody>
          {tokens.map((token) => (
            <tr key={token.id}>
              <th scope="row" dir="auto">
                {token.name}
              </th>
              <td>
                <code dir="ltr">{token.prefix}…</code>
              </td>
              <td>
                <LocalTime iso={token.createdAt} withDate />
              </td>
              <td>
                <LocalTime iso={token.expiresAt} withDate />
              </td>
              <td>
                {token.lastUsedAt ? <LocalTime iso={token.lastUsedAt} withDate /> : copy.neverUsed}
              </td>
              <td>{states[token.state]}</td>
              <td>
                {token.state === "active" ? (
                  <Form method="post">
                    <input type="hidden" name="tokenId" value={token.id} />
                    <button
                      type="submit"
                      name="intent"
                      value="revoke-token"
                      className="secondary"
                      aria-label={copy.revokeLabel({ name: token.name })}
                    >
                      {copy.revoke}
                    </button>
                  </Form>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The token just created: its secret, this once. */
export function NewToken({ name, secret }: { name: string; secret: string }) {
  const copy = useCopy().apiTokens;
  return (
    <div className="notice" role="status">
      <h3>{copy.createdTitle({ name })}</h3>
      <p>{copy.createdNotice}</p>
      <p>
        <code className="secret-key" dir="ltr" data-testid="new-token">
          {secret}
        </code>
      </p>
    </div>
  );
}

export function CreateTokenForm({ lastResult }: { lastResult?: SubmissionResult<string[]> }) {
  const all = useCopy();
  const copy = all.apiTokens;
  const [form, fields] = useForm({
    id: "create-token",
    lastResult,
    defaultValue: { lifetimeDays: String(DEFAULT_TOKEN_LIFETIME_DAYS) },
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: createTokenSchema(all) }),
  });
  return (
    <>
      <FormErrors id={form.errorId} errors={form.errors} />
      <Form method="post" {...getFormProps(form)}>
        <TextField
          label={copy.name}
          hint={copy.nameHint}
          meta={fields.name}
          inputProps={{ maxLength: MAX_TOKEN_NAME_LENGTH, dir: "auto" }}
        />
        <div className="field">
          <label htmlFor={fields.lifetimeDays.id}>{copy.expiry}</label>
          <ErrorList id={fields.lifetimeDays.errorId} errors={fields.lifetimeDays.errors} />
          <select {...getSelectProps(fields.lifetimeDays)}>
            {TOKEN_LIFETIMES_DAYS.map((days) => (
              <option key={days} value={days}>
                {copy.expiryDays({ days })}
              </option>
            ))}
          </select>
        </div>
        <p>
          {copy.scope}: {copy.scopeRead}
        </p>
        <input type="hidden" name="scope" value="read" />
        <div className="actions">
          <button type="submit" name="intent" value="create-token">
            {copy.create}
          </button>
        </div>
      </Form>
    </>
  );
}

export function ApiGuideLink() {
  const copy = useCopy().apiTokens;
  return (
    <p>
      <Link to="/api-reference">{copy.docsLink}</Link>
    </p>
  );
}
