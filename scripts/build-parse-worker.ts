// Bundles the importer's worker thread (app/import/parse-worker.ts) into one ES module the
// server starts at run time: `npm run build` writes build/parse-worker.js next to the server's
// build (docs/decisions/010-parsing-off-the-event-loop.md); tests write their own copy.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

export const PARSE_WORKER_ENTRY = "app/import/parse-worker.ts";

export async function buildParseWorker(outfile: string): Promise<void> {
  await build({
    entryPoints: [PARSE_WORKER_ENTRY],
    outfile,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    tsconfig: "tsconfig.json", // its paths: "~/…" is app/…
    // Loaded from node_modules at run time: pdf.js starts its own worker module beside itself.
    external: ["pdfjs-dist", "mammoth"],
    logLevel: "warning",
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildParseWorker(process.argv[2] ?? "build/parse-worker.js");
}
