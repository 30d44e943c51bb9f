// Searches the importer repeats along one line, from later and later positions. Each finder
// remembers its last answer: asking again from a position before that answer costs nothing, so a
// line is scanned once however often it is asked about. A regular expression or an indexOf tried
// from every start instead reads the rest of the line each time: quadratic on "<a<a<a…".

/** The first index at or after `from` where the global `pattern` matches in `text`, or -1. */
export function forwardFinder(text: string, pattern: RegExp): (from: number) => number {
  let askedFrom = 0;
  let found = -2; // nothing asked yet
  return (from) => {
    // No match starts in [askedFrom, found): the answer for any `from` in between is `found`.
    const known = found !== -2 && from >= askedFrom && (found === -1 || from <= found);
    if (known) return found;
    pattern.lastIndex = from; // set before every search: finders may share a pattern
    askedFrom = from;
    found = pattern.exec(text)?.index ?? -1;
    return found;
  };
}
