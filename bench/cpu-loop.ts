// The machine's single-thread speed, recorded with every run so runs on different machines (or
// on one shared machine at different moments) compare: a fixed, deterministic integer loop
// (xorshift32 mixed into an FNV-1a style hash), the same work on every machine. Its result is
// checked, so the JIT cannot drop the loop. The fastest of five runs is the figure.

export const CPU_LOOP_ITERATIONS = 50_000_000;
const EXPECTED = 2_112_344_966;

function loop(iterations: number): number {
  let x = 2_463_534_242;
  let hash = 2_166_136_261;
  for (let i = 0; i < iterations; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    hash = Math.imul(hash ^ (x & 0xff), 16_777_619);
  }
  return hash >>> 0;
}

export type CpuSpeed = { iterations: number; ms: number; millionPerSecond: number };

export function measureCpuLoop(runs = 5): CpuSpeed {
  let best = Infinity;
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    const result = loop(CPU_LOOP_ITERATIONS);
    const ms = performance.now() - started;
    if (result !== EXPECTED) throw new Error(`the CPU loop gave ${result}, not ${EXPECTED}`);
    best = Math.min(best, ms);
  }
  return {
    iterations: CPU_LOOP_ITERATIONS,
    ms: best,
    millionPerSecond: CPU_LOOP_ITERATIONS / 1e6 / (best / 1000),
  };
}

/** "CPU loop 50 M iterations in 142 ms (352 M/s)", for the machine line. */
export const describeCpuSpeed = (speed: CpuSpeed) =>
  `single-thread CPU loop ${speed.iterations / 1e6} M iterations in ${speed.ms.toFixed(0)} ms (${speed.millionPerSecond.toFixed(0)} M/s, fastest of 5)`;
