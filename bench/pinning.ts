import { execFileSync } from "node:child_process";
import os from "node:os";

// BENCH_PIN=on: the load generator (the bench's own process, where autocannon runs) on the last
// core, every server it starts on the others, so that the two no longer take CPU from each other
// (issue 21's "load generator on its own core with taskset"). A server pinned to one core of two
// starts one worker: Node's availableParallelism() counts the cores it may run on.

const CORES = os.availableParallelism();
export const PINNED = process.env.BENCH_PIN === "on" && CORES > 1;
const SERVER_CORES = CORES > 2 ? `0-${CORES - 2}` : "0";
const GENERATOR_CORE = String(CORES - 1);

/** Moves this process and all its threads to the load generator's core. */
export function pinLoadGenerator(): void {
  if (PINNED)
    execFileSync("taskset", ["-a", "-p", "-c", GENERATOR_CORE, String(process.pid)], {
      stdio: "ignore",
    });
}

/** The command that runs `command args` on the servers' cores (itself when not pinned). */
export function onServerCores(command: string, args: string[]): [string, string[]] {
  return PINNED ? ["taskset", ["-c", SERVER_CORES, command, ...args]] : [command, args];
}

export const pinningDescription = () =>
  PINNED
    ? `the load generator pinned to core ${GENERATOR_CORE} and the servers to core${SERVER_CORES.includes("-") ? "s" : ""} ${SERVER_CORES} (BENCH_PIN=on, taskset)`
    : "the load generator and the servers sharing every core";
