import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import type { ActionFunctionArgs } from "@remix-run/node";
import { afterAll, describe, expect, it } from "vitest";
import { verifyPassword } from "~/auth/password.server";
import { prisma } from "~/db.server";
import { action } from "~/routes/invitation.$token";

// `npm run admin:create` as an operator runs it: it prints a one-time link, and that link (the
// invitation page's action) sets the administrator's password, once.

afterAll(() => prisma.$disconnect());

const accept = (token: string, password: string) =>
  action({
    request: new Request(`http://localhost/invitation/${token}`, {
      method: "POST",
      body: new URLSearchParams({ name: "First Admin", password, confirm: password }),
    }),
    params: { token },
    context: {},
  } as unknown as ActionFunctionArgs);

describe("npm run admin:create", () => {
  it("prints a one-time link that sets the administrator's password", async () => {
    const email = `first.admin.${randomBytes(4).toString("hex")}@test.example.org`;
    const output = execFileSync("npx", ["tsx", "scripts/admin-create.ts", "--email", email], {
      env: process.env,
      stdio: "pipe",
    }).toString();
    const token = /\/invitation\/([^\s/]+)\s*$/m.exec(output)?.[1];
    expect(token, output).toBeTruthy();
    const before = await prisma.user.findUniqueOrThrow({
      where: { email },
      select: { role: true, passwordHash: true },
    });
    expect(before).toEqual({ role: "ADMIN", passwordHash: null });

    const response = (await accept(token!, "a first admin passphrase")) as Response;
    expect(response.status).toBe(302);
    const after = await prisma.user.findUniqueOrThrow({
      where: { email },
      select: { name: true, passwordHash: true },
    });
    expect(after.name).toBe("First Admin");
    expect(await verifyPassword(after.passwordHash!, "a first admin passphrase")).toBe(true);

    // One time only: the same link is refused afterwards.
    const again = (await accept(token!, "another passphrase here")) as unknown as {
      init: { status: number } | null;
    };
    expect(again.init?.status).toBe(410);
  }, 60_000);
});
