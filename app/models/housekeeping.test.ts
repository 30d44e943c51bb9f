import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { runHousekeeping } from "./housekeeping.server";

afterAll(() => prisma.$disconnect());

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const id = () => randomBytes(12).toString("hex");

describe("housekeeping", () => {
  it("deletes exactly the rows of no more use, and running it twice at once is harmless", async () => {
    const now = new Date();
    const ago = (ms: number) => new Date(now.getTime() - ms);
    const later = (ms: number) => new Date(now.getTime() + ms);
    const user = await prisma.user.create({
      data: { email: `hk.${id()}@test.example.org`, role: "FOCAL_POINT" },
      select: { id: true },
    });
    const userId = user.id;

    // Each kind: [stale rows, fresh rows], named so the test can tell them apart.
    const sessions = {
      stale: [{ id: `stale-${id()}`, userId, expiresAt: ago(DAY + HOUR) }],
      fresh: [
        { id: `fresh-${id()}`, userId, expiresAt: ago(HOUR) }, // expired, within its grace day
        { id: `fresh-${id()}`, userId, expiresAt: later(DAY) },
      ],
    };
    const key = `test:hk:${id()}`;
    const hits = {
      stale: [{ id: `stale-${id()}`, key, at: ago(DAY + HOUR) }],
      fresh: [{ id: `fresh-${id()}`, key, at: ago(10 * 60 * 1000) }],
    };
    const pending = {
      stale: [{ id: `stale-${id()}`, createdAt: ago(DAY + HOUR) }],
      fresh: [{ id: `fresh-${id()}`, createdAt: ago(DAY - HOUR) }],
    };
    const token = (name: string, expiresAt: Date, usedAt: Date | null) => ({
      id: `${name}-${id()}`,
      tokenHash: id(),
      purpose: "PASSWORD_RESET" as const,
      userId,
      expiresAt,
      usedAt,
    });
    const tokens = {
      stale: [
        token("stale", ago(HOUR), null), // expired, never used
        token("stale", ago(40 * DAY), ago(31 * DAY)), // used over 30 days ago
      ],
      fresh: [
        token("fresh", later(HOUR), null), // still valid
        token("fresh", ago(5 * DAY), ago(6 * DAY)), // used recently: kept for the record
      ],
    };

    const upload = (name: string, uploadedAt: Date) => ({
      sha256: randomBytes(32).toString("hex"),
      filename: `${name}.txt`,
      bytes: new Uint8Array(randomBytes(16)),
      uploadedAt,
    });
    const uploads = {
      stale: [upload("stale", ago(DAY + HOUR))],
      fresh: [upload("fresh", ago(DAY - HOUR))],
    };

    await prisma.importUpload.createMany({ data: [...uploads.stale, ...uploads.fresh] });
    await prisma.session.createMany({ data: [...sessions.stale, ...sessions.fresh] });
    await prisma.rateLimitHit.createMany({ data: [...hits.stale, ...hits.fresh] });
    await prisma.pendingInput.createMany({
      data: [...pending.stale, ...pending.fresh].map((row) => ({
        ...row,
        path: "/countries/KEN/sections/VI",
        formData: [],
        userId,
        clientAddress: "192.0.2.1",
      })),
    });
    await prisma.oneTimeToken.createMany({ data: [...tokens.stale, ...tokens.fresh] });

    const [first, second] = await Promise.all([runHousekeeping(now), runHousekeeping(now)]);
    // Between them, the two runs deleted each stale row once (at least ours).
    for (const kind of ["sessions", "rateLimitHits", "pendingInput", "importUploads"] as const)
      expect(first[kind] + second[kind]).toBeGreaterThanOrEqual(1);
    expect(first.tokens + second.tokens).toBeGreaterThanOrEqual(2);

    const left = async () => ({
      sessions: (await prisma.session.findMany({ where: { userId }, select: { id: true } }))
        .map((r) => r.id)
        .sort(),
      hits: (await prisma.rateLimitHit.findMany({ where: { key }, select: { id: true } }))
        .map((r) => r.id)
        .sort(),
      pending: (await prisma.pendingInput.findMany({ where: { userId }, select: { id: true } }))
        .map((r) => r.id)
        .sort(),
      tokens: (await prisma.oneTimeToken.findMany({ where: { userId }, select: { id: true } }))
        .map((r) => r.id)
        .sort(),
      uploads: (
        await prisma.importUpload.findMany({
          where: { sha256: { in: [...uploads.stale, ...uploads.fresh].map((u) => u.sha256) } },
          select: { sha256: true },
        })
      ).map((r) => r.sha256),
    });
    const fresh = {
      sessions: sessions.fresh.map((r) => r.id).sort(),
      hits: hits.fresh.map((r) => r.id).sort(),
      pending: pending.fresh.map((r) => r.id).sort(),
      tokens: tokens.fresh.map((r) => r.id).sort(),
      uploads: uploads.fresh.map((u) => u.sha256),
    };
    expect(await left()).toEqual(fresh);
    // Idempotent: another run deletes nothing of ours.
    await runHousekeeping(now);
    expect(await left()).toEqual(fresh);
  });
});
