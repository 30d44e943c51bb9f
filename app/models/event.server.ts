import { prisma } from "~/db.server";
import type { Prisma } from "~/generated/prisma/client";

// The append-only event log: who did what, when, to which fields.

export type EventInput = {
  kind: string;
  actorId?: string | null;
  countryCode?: string | null;
  responseId?: string | null;
  subjectId?: string | null;
  fields?: string[];
  data?: Prisma.InputJsonValue;
};

type Db = Pick<typeof prisma, "event">;

/** Writes one event; pass a transaction client to make it part of the same transaction. */
export async function logEvent(event: EventInput, db: Db = prisma): Promise<void> {
  await db.event.create({
    data: {
      kind: event.kind,
      actorId: event.actorId ?? null,
      countryCode: event.countryCode ?? null,
      responseId: event.responseId ?? null,
      subjectId: event.subjectId ?? null,
      ...(event.fields ? { fields: event.fields } : {}),
      ...(event.data !== undefined ? { data: event.data } : {}),
    },
  });
}

/**
 * The events of a country's response in one round: those naming the response, and those about
 * the country before it existed (a reminder) since the round opened, never an earlier round's.
 */
export function responseEventsWhere(
  countryCode: string,
  responseId: string | null,
  roundOpenedAt: Date | null,
): Prisma.EventWhereInput {
  return {
    countryCode,
    kind: { startsWith: "response." },
    OR: [
      ...(responseId ? [{ responseId }] : []),
      { responseId: null, ...(roundOpenedAt ? { at: { gte: roundOpenedAt } } : {}) },
    ],
  };
}
