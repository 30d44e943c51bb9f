// The production server as the benchmark and the load test run it: `node server.js` on a port
// and database of their own, and a wait until it answers. In demo mode, as it is served on
// http://localhost (outside demo mode production insists on https).
import { type ChildProcess, spawn } from "node:child_process";
import { setTimeout as sleep } from "node:timers/promises";

export function startProductionServer(options: {
  port: number;
  databaseUrl: string;
  /** Extra options for node itself, e.g. --cpu-prof. */
  nodeOptions?: string[];
  /** How the command is run (the bench's pinning to cores: bench/pinning.ts). */
  wrap?: (command: string, args: string[]) => [string, string[]];
}): ChildProcess {
  const wrap = options.wrap ?? ((command, args) => [command, args]);
  const [command, args] = wrap("node", [...(options.nodeOptions ?? []), "server.js"]);
  return spawn(command, args, {
    env: {
      ...process.env,
      NODE_ENV: "production",
      DEMO_MODE: "true",
      PORT: String(options.port),
      PUBLIC_URL: `http://localhost:${options.port}`,
      DATABASE_URL: options.databaseUrl,
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
}

/** Resolves once the home page answers (30 s at most: the machine may be busy). */
export async function waitUntilServing(origin: string): Promise<void> {
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(`${origin}/`)).ok) return;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  throw new Error(`the server at ${origin} did not start`);
}
