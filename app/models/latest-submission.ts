import type { Prisma } from "~/generated/prisma/client";

// A response's submissions are numbered 1, 2, 3…; "its submission" is the latest one. The one
// way to select it inside a response query: `submissions: latestSubmission({ answers: true })`.
export function latestSubmission<S extends Prisma.SubmissionSelect>(select: S) {
  return { select, orderBy: { number: "desc" as const }, take: 1 };
}
