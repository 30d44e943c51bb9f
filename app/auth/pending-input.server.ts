import { randomBytes } from "node:crypto";
import { prisma } from "~/db.server";
import { secureCookies } from "~/env.server";

// When a session has expired, a form post is not thrown away: its fields are kept for a day
// under a random id that only this browser holds (an HttpOnly cookie). After signing in again
// the same page takes them back and shows them in place. The page's own guard decides whether
// the signed-in person may see them.

const COOKIE = secureCookies ? "__Host-msq_pending" : "msq_pending"; // as the session cookie
const MAX_AGE_S = 24 * 60 * 60;

function cookieValue(request: Request): string | null {
  const match = (request.headers.get("Cookie") ?? "").match(
    new RegExp(`(?:^|;\\s*)${COOKIE}=([A-Za-z0-9_-]+)`),
  );
  return match?.[1] ?? null;
}

const cookie = (value: string, maxAge: number) =>
  `${COOKIE}=${value}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${maxAge}${secureCookies ? "; Secure" : ""}`;

/** Keeps the post's text fields; returns the Set-Cookie that remembers them. */
export async function stashInput(request: Request, formData: FormData): Promise<string> {
  const id = randomBytes(24).toString("base64url");
  const entries = [...formData.entries()].filter(
    (entry): entry is [string, string] => typeof entry[1] === "string",
  );
  await prisma.pendingInput.create({
    data: { id, path: new URL(request.url).pathname, formData: entries },
  });
  await prisma.pendingInput.deleteMany({
    where: { createdAt: { lt: new Date(Date.now() - MAX_AGE_S * 1000) } },
  });
  return cookie(id, MAX_AGE_S);
}

/** The input kept for this page, once (it is deleted as it is read), and the cookie to clear. */
export async function takePendingInput(
  request: Request,
): Promise<{ formData: FormData; clearCookie: string } | null> {
  const id = cookieValue(request);
  if (!id) return null;
  const path = new URL(request.url).pathname;
  const row = await prisma.pendingInput.findUnique({
    where: { id },
    select: { path: true, formData: true, createdAt: true },
  });
  if (!row || row.path !== path) return null;
  await prisma.pendingInput.deleteMany({ where: { id } });
  if (row.createdAt.getTime() < Date.now() - MAX_AGE_S * 1000) return null;
  const formData = new FormData();
  for (const [key, value] of row.formData as [string, string][]) formData.append(key, value);
  return { formData, clearCookie: cookie("", 0) };
}
