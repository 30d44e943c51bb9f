import { LRUCache } from "lru-cache";
import { prisma } from "~/db.server";
import type { Answers } from "~/questionnaire/types";

// A submission is a snapshot: once written it never changes (a return and a resubmission write
// a new one, numbered after it). So its answers, read and parsed once, are its answers for ever,
// and the pages that read every response of a round (the Results page, the exports) keep them
// by submission instead of reading and parsing a round's megabytes of JSON on every request
// (decision 021). Frozen, so that no reader can change what the next one reads.

/** About 5 rounds of 193 responses; a submission of the MSQ 2020 at its caps is ~30 KB. */
const KEPT_SUBMISSIONS = 1_000;

const kept = new LRUCache<string, Readonly<Answers>>({ max: KEPT_SUBMISSIONS });

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

/** The answers of each submission named, by id; an id that names no submission is left out. */
export async function answersOfSubmissions(
  ids: readonly string[],
): Promise<Map<string, Readonly<Answers>>> {
  const found = new Map<string, Readonly<Answers>>();
  const missing: string[] = [];
  for (const id of ids) {
    const answers = kept.get(id);
    if (answers) found.set(id, answers);
    else missing.push(id);
  }
  if (missing.length > 0) {
    const read = await prisma.submission.findMany({
      where: { id: { in: missing } },
      select: { id: true, answers: true },
    });
    for (const submission of read) {
      const answers = deepFreeze((submission.answers ?? {}) as Answers);
      kept.set(submission.id, answers);
      found.set(submission.id, answers);
    }
  }
  return found;
}

/** How many submissions' answers are kept (for tests). */
export const keptSubmissionCount = () => kept.size;
