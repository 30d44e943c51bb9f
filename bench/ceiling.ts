import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdirSync, writeFileSync } from "node:fs";
import { onServerCores } from "./pinning";

// Starts bench/ceiling-server.ts in processes of its own (the load generator stays in this one),
// serving `html` on `port`, and resolves once it listens.
export async function serveCeiling(html: Buffer, port: number) {
  mkdirSync("bench/.tmp", { recursive: true });
  const file = "bench/.tmp/ceiling.html";
  writeFileSync(file, html);
  const [command, args] = onServerCores("node", ["--import", "tsx", "bench/ceiling-server.ts"]);
  const server = spawn(command, args, {
    env: { ...process.env, CEILING_HTML: file, CEILING_PORT: String(port) },
    stdio: ["ignore", "pipe", "inherit"],
  });
  for await (const chunk of server.stdout) if (String(chunk).includes("ready")) break;
  return {
    stop: async () => {
      server.kill("SIGTERM");
      await once(server, "exit");
    },
  };
}
