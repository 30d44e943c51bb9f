import { expect } from "vitest";

// Time bounds for the worst-case tests, robust on a shared machine.

/**
 * The fastest of a few runs, in milliseconds: the least disturbed by other work on the machine,
 * so a bound on it can be tight enough to catch a quadratic step without flaking.
 */
export async function fastestMs(work: () => unknown, runs = 3): Promise<number> {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await work();
    best = Math.min(best, performance.now() - started);
  }
  return best;
}

/**
 * Fails when the work prepared for `size` is both slower than `boundMs` and grows faster than
 * its input (an eighth of the input taking less than a sixteenth of the time): a busy machine
 * slows a linear step down, but does not make it grow faster.
 */
export async function expectLinear(
  prepare: (size: number) => () => unknown,
  size: number,
  boundMs: number,
  runs = 5,
) {
  const full = await fastestMs(prepare(size), runs);
  if (full < boundMs) return;
  const eighth = await fastestMs(prepare(size / 8), runs);
  const growth = `${full.toFixed(0)} ms for ${size}, ${eighth.toFixed(1)} ms for ${size / 8}`;
  expect(full / eighth, growth).toBeLessThan(16);
}
