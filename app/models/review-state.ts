import type { ResponseStatus, Role } from "~/generated/prisma/enums";

// The life of a response, in one place. The server enforces it (review.server.ts applies a
// transition only if the status is still the one it was checked against).

export type Decision = "submit" | "return" | "accept" | "reopen";

type Transition = { from: readonly ResponseStatus[]; to: ResponseStatus; roles: readonly Role[] };

export const TRANSITIONS: Record<Decision, Transition> = {
  submit: { from: ["DRAFT", "RETURNED"], to: "SUBMITTED", roles: ["FOCAL_POINT"] },
  return: { from: ["SUBMITTED"], to: "RETURNED", roles: ["REVIEWER", "ADMIN"] },
  accept: { from: ["SUBMITTED"], to: "ACCEPTED", roles: ["REVIEWER", "ADMIN"] },
  reopen: { from: ["ACCEPTED"], to: "SUBMITTED", roles: ["ADMIN"] },
};

export type TransitionCheck =
  | { ok: true; to: ResponseStatus }
  | { ok: false; reason: "role" | "status" };

export function checkTransition(
  decision: Decision,
  from: ResponseStatus | null,
  role: Role,
): TransitionCheck {
  const transition = TRANSITIONS[decision];
  if (!transition.roles.includes(role)) return { ok: false, reason: "role" };
  if (!from || !transition.from.includes(from)) return { ok: false, reason: "status" };
  return { ok: true, to: transition.to };
}

/** The decisions a person may take on a response now (the buttons to show). */
export function availableDecisions(from: ResponseStatus | null, role: Role): Decision[] {
  return (Object.keys(TRANSITIONS) as Decision[]).filter(
    (d) => d !== "submit" && checkTransition(d, from, role).ok,
  );
}
