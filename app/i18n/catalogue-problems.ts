import { argumentStyles, flatMessages, messageArguments } from "./message-arguments";

/** "minutes:number, total:text": a message's arguments, in an order that compares. */
const describe = (args: Map<string, string>) =>
  [...args]
    .map(([name, kind]) => `${name}:${kind}`)
    .sort()
    .join(", ") || "none";

/**
 * What is wrong with a translated catalogue, against the English one: a message missing or
 * extra, one that does not parse, one whose arguments (names and kinds) or formats (a number as
 * a percentage, a named date format) differ, or an empty one.
 */
export function catalogueProblems(english: unknown, translated: unknown): string[] {
  const problems: string[] = [];
  const source = flatMessages(english);
  const target = flatMessages(translated);
  for (const [path, message] of source) {
    const translation = target.get(path);
    if (translation === undefined) {
      problems.push(`${path}: missing`);
      continue;
    }
    if (translation.trim() === "") {
      problems.push(`${path}: empty`);
      continue;
    }
    let theirs: Map<string, string>;
    try {
      theirs = messageArguments(translation);
    } catch (error) {
      problems.push(`${path}: does not parse (${(error as Error).message})`);
      continue;
    }
    const ours = messageArguments(message);
    if (describe(ours) !== describe(theirs)) {
      problems.push(`${path}: arguments ${describe(theirs)}; English has ${describe(ours)}`);
      continue;
    }
    const ourStyles = describe(argumentStyles(message));
    const theirStyles = describe(argumentStyles(translation));
    if (ourStyles !== theirStyles) {
      problems.push(`${path}: formats ${theirStyles}; English has ${ourStyles}`);
    }
  }
  for (const path of target.keys()) {
    if (!source.has(path)) problems.push(`${path}: not in the English catalogue`);
  }
  return problems;
}
