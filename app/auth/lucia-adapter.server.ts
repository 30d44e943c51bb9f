import type { Adapter, DatabaseSession, DatabaseUser } from "lucia";
import { prisma } from "~/db.server";

// lucia's storage, on our Prisma client. The published Prisma adapter does not accept Prisma 6,
// and lucia needs only these seven methods.

// The user's countries come with the session (one query), so country guards need no other.
const userSelect = {
  id: true,
  email: true,
  name: true,
  role: true,
  active: true,
  countries: { select: { countryCode: true } },
} as const;

type UserRow = {
  id: string;
  email: string;
  name: string | null;
  role: string;
  active: boolean;
  countries: { countryCode: string }[];
};

const toDatabaseUser = ({ id, countries, ...attributes }: UserRow): DatabaseUser =>
  ({ id, attributes: { ...attributes, countries: countries.map((c) => c.countryCode) } }) as DatabaseUser;

const toDatabaseSession = (row: {
  id: string;
  userId: string;
  expiresAt: Date;
}): DatabaseSession => ({
  id: row.id,
  userId: row.userId,
  expiresAt: row.expiresAt,
  attributes: {},
});

export const prismaSessionAdapter: Adapter = {
  async getSessionAndUser(sessionId) {
    const row = await prisma.session.findUnique({
      where: { id: sessionId },
      select: { id: true, userId: true, expiresAt: true, user: { select: userSelect } },
    });
    if (!row) return [null, null];
    return [toDatabaseSession(row), toDatabaseUser(row.user)];
  },
  async getUserSessions(userId) {
    const rows = await prisma.session.findMany({
      where: { userId },
      select: { id: true, userId: true, expiresAt: true },
    });
    return rows.map(toDatabaseSession);
  },
  async setSession(session) {
    await prisma.session.create({
      data: { id: session.id, userId: session.userId, expiresAt: session.expiresAt },
    });
  },
  async updateSessionExpiration(sessionId, expiresAt) {
    await prisma.session.updateMany({ where: { id: sessionId }, data: { expiresAt } });
  },
  async deleteSession(sessionId) {
    await prisma.session.deleteMany({ where: { id: sessionId } });
  },
  async deleteUserSessions(userId) {
    await prisma.session.deleteMany({ where: { userId } });
  },
  async deleteExpiredSessions() {
    await prisma.session.deleteMany({ where: { expiresAt: { lte: new Date() } } });
  },
};
