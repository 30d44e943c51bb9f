import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createServer } from "node:net";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { hashPassword } from "~/auth/password.server";
import { prisma } from "~/db.server";

// The production server (`node server.js` on the built app, one worker) against the run's
// database, outside demo mode. It must refuse to start while a demo account exists or without an
// https:// PUBLIC_URL; over https its cookies are __Host- and Secure, and it sends HSTS. TLS is
// the proxy's job, so plain http requests to it show the headers it would send.
// Needs a current `npm run build`.

afterAll(() => prisma.$disconnect());

const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill("SIGTERM");
});

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function start(port: number, env: Record<string, string>) {
  const child = spawn("node", ["server.js"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      // Explicit: a local .env written by `npm run setup` turns demo mode on.
      DEMO_MODE: "false",
      PORT: String(port),
      WEB_CONCURRENCY: "1",
      ENCRYPTION_KEY: randomBytes(32).toString("base64"),
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
  const ready = () =>
    new Promise<void>((resolve, reject) => {
      if (output.includes("ready at")) return resolve();
      child.stdout!.on("data", () => output.includes("ready at") && resolve());
      void exited.then((code) => reject(new Error(`exited with ${code}: ${output}`)));
    });
  return { exited, ready, output: () => output };
}

const removeDemoAccounts = () =>
  prisma.user.deleteMany({ where: { email: { endsWith: "@example.org" } } });

describe("the production server outside demo mode", () => {
  it("refuses to start while a demo account exists", async () => {
    await removeDemoAccounts();
    await prisma.user.create({
      data: { email: "admin@example.org", role: "ADMIN", passwordHash: "x" },
    });
    try {
      const port = await freePort();
      // With workers (the cluster's primary must stop, not re-fork them).
      const server = start(port, { PUBLIC_URL: `https://localhost:${port}`, WEB_CONCURRENCY: "2" });
      expect(await server.exited).toBe(1);
      expect(server.output()).toContain("will not start");
      expect(server.output()).toContain("demo accounts (admin@example.org)");
    } finally {
      await removeDemoAccounts();
    }
  });

  it("refuses to start without an https:// PUBLIC_URL", async () => {
    await removeDemoAccounts();
    const port = await freePort();
    const server = start(port, { PUBLIC_URL: `http://localhost:${port}` });
    expect(await server.exited).toBe(1);
    expect(server.output()).toMatch(/PUBLIC_URL must be the portal's https:\/\/ address/);
  });

  it("refuses to start without the key that encrypts the authenticator secrets", async () => {
    await removeDemoAccounts();
    const port = await freePort();
    const server = start(port, { PUBLIC_URL: `https://localhost:${port}`, ENCRYPTION_KEY: "" });
    expect(await server.exited).toBe(1);
    expect(server.output()).toContain("ENCRYPTION_KEY must be set in production");
  });

  it("over https: HSTS, __Host- Secure cookies, and no-store for a signed-in person", async () => {
    await removeDemoAccounts();
    const port = await freePort();
    const origin = `https://localhost:${port}`;
    const server = start(port, { PUBLIC_URL: origin });
    await server.ready();
    const base = `http://localhost:${port}`;

    const home = await fetch(`${base}/`);
    expect(home.status).toBe(200);
    expect(home.headers.get("strict-transport-security")).toMatch(/max-age=\d+/);
    expect(home.headers.get("cache-control")).toBeNull(); // nobody signed in: nothing private

    const email = `start.${randomBytes(4).toString("hex")}@test.example.org`;
    const user = await prisma.user.create({
      data: {
        email,
        role: "FOCAL_POINT",
        passwordHash: await hashPassword("a long enough passphrase"),
        countries: { create: [{ countryCode: "KEN" }] },
      },
      select: { id: true },
    });
    const signIn = await fetch(`${base}/sign-in`, {
      method: "POST",
      headers: { Origin: origin, "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ email, password: "a long enough passphrase" }),
      redirect: "manual",
    });
    expect(signIn.status).toBe(302);
    const cookie = signIn.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/^__Host-msq_session=[^;]+;/);
    expect(cookie).toMatch(/; Secure/i);
    expect(cookie).toMatch(/; Path=\//i);
    expect(cookie).toMatch(/; HttpOnly/i);
    expect(cookie).not.toMatch(/Domain=/i);
    const session = cookie.split(";")[0]!;

    const page = await fetch(`${base}/countries/KEN`, { headers: { Cookie: session } });
    expect(page.status).toBe(200);
    expect(page.headers.get("cache-control")).toBe("no-store");
    const data = await fetch(`${base}/countries/KEN.data`, { headers: { Cookie: session } });
    expect(data.status).toBe(200);
    expect(data.headers.get("cache-control")).toBe("no-store");
    // The plain name is not read over https (a cookie without the prefix could be planted).
    const plain = await fetch(`${base}/countries/KEN`, {
      headers: { Cookie: session.replace("__Host-", "") },
      redirect: "manual",
    });
    expect(plain.status).toBe(302);
    // Static files keep their own caching.
    const favicon = await fetch(`${base}/favicon.svg`, { headers: { Cookie: session } });
    expect(favicon.headers.get("cache-control")).toMatch(/max-age=3600/);

    // A post after the session expired is kept under a __Host- Secure cookie too.
    const id = session.split("=")[1]!;
    await prisma.session.update({ where: { id }, data: { expiresAt: new Date(Date.now() - 1) } });
    const late = await fetch(`${base}/countries/KEN/sections/VI`, {
      method: "POST",
      headers: {
        Origin: origin,
        Cookie: session,
        "Content-Type": "application/x-www-form-urlencoded",
      },
      body: new URLSearchParams({ intent: "save", q14_social_media: "Typed late." }),
      redirect: "manual",
    });
    expect(late.headers.get("location")).toMatch(/^\/sign-in\?redirectTo=/);
    expect(late.headers.get("set-cookie") ?? "").toMatch(/^__Host-msq_pending=[^;]+;.*; Secure/i);
    await prisma.user.delete({ where: { id: user.id } });
  });
});
