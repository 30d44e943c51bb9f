import { prisma } from "~/db.server";
import { env } from "~/env.server";
import { logEvent } from "./event.server";

// Settings administrators change on the portal's pages, one PortalSetting row each.

/** Staff (reviewers and administrators) must sign in with a second factor: "on" or "off". */
export const STAFF_SECOND_FACTOR = "staff_second_factor";

/** The stored value, or the default when none is stored: on, except in demo mode. */
export const staffSecondFactorRequired = (stored: string | null): boolean =>
  stored === null ? !env.DEMO_MODE : stored === "on";

/** Whether staff must sign in with a second factor, as stored now. */
export async function readStaffSecondFactor(): Promise<boolean> {
  const row = await prisma.portalSetting.findUnique({ where: { key: STAFF_SECOND_FACTOR } });
  return staffSecondFactorRequired(row?.value ?? null);
}

export async function setStaffSecondFactor(required: boolean, actorId: string): Promise<void> {
  const value = required ? "on" : "off";
  await prisma.portalSetting.upsert({
    where: { key: STAFF_SECOND_FACTOR },
    create: { key: STAFF_SECOND_FACTOR, value, updatedById: actorId },
    update: { value, updatedById: actorId },
  });
  await logEvent({ kind: "settings.staff_second_factor", actorId, data: { required } });
}
