import { readFileSync } from "node:fs";
import { env } from "~/env.server";

// The benchmark's framework ceiling (docs/performance.md): the section page's loader data, read
// once per process from the file BENCH_FRAMEWORK_CEILING names when the server starts. Unset,
// there is none and /bench/framework-ceiling answers 404, so a portal never serves it.

const data: unknown = env.BENCH_FRAMEWORK_CEILING
  ? JSON.parse(readFileSync(env.BENCH_FRAMEWORK_CEILING, "utf8"))
  : null;

/** The constant loader data, or null when the framework ceiling is off. */
export function frameworkCeilingData(): unknown {
  return data;
}
