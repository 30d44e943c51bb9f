import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import { env } from "~/env.server";

// Secrets the portal must read back (an authenticator app's secret: a code is checked against
// it) are kept encrypted with AES-256-GCM under ENCRYPTION_KEY, which lives in the environment,
// not the database: a copy of the database alone reveals none. Each value names what it is for
// (`purpose`, authenticated with it), so a value cannot be moved to another column or user.
// Outside production, without the setting, a fixed development key is used (never real secrets).

const VERSION = "v1";
const DEVELOPMENT_KEY = createHash("sha256").update("msq-portal development key").digest();

const key = (): Buffer =>
  env.ENCRYPTION_KEY ? Buffer.from(env.ENCRYPTION_KEY, "base64") : DEVELOPMENT_KEY;

/** `v1.<iv>.<ciphertext>.<tag>` in base64url. */
export function seal(plain: Uint8Array, purpose: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(), iv);
  cipher.setAAD(Buffer.from(purpose));
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return [VERSION, iv, body, cipher.getAuthTag()]
    .map((part) => (typeof part === "string" ? part : part.toString("base64url")))
    .join(".");
}

/** The plain bytes, or null when the value was not sealed by this key for this purpose. */
export function open(sealed: string, purpose: string): Uint8Array | null {
  const [version, iv, body, tag, ...rest] = sealed.split(".");
  if (version !== VERSION || !iv || !body || !tag || rest.length > 0) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", key(), Buffer.from(iv, "base64url"));
    decipher.setAAD(Buffer.from(purpose));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return new Uint8Array(
      Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]),
    );
  } catch {
    return null;
  }
}
