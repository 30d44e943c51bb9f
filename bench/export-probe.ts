// One export of every submitted and accepted response, written to /dev/null, reporting its time
// and the peak resident memory of this process (sampled every 5 ms) as JSON on stdout.
import { createWriteStream } from "node:fs";
import { pipeline } from "node:stream/promises";

const format = process.argv[2] as "csv" | "xlsx" | "json";
const { streamExport } = await import("~/export/export.server");
const { prisma } = await import("~/db.server");
let peak = process.memoryUsage().rss;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
const started = performance.now();
const file = await streamExport(
  format,
  { roundId: "2020", statuses: ["SUBMITTED", "ACCEPTED", "RETURNED"], authorisedOnly: false },
  { locale: "en" },
);
await pipeline(file.body, createWriteStream("/dev/null"));
const ms = performance.now() - started;
clearInterval(sampler);
peak = Math.max(peak, process.memoryUsage().rss);
await prisma.$disconnect();
console.log(JSON.stringify({ ms, peakMb: peak / 1024 / 1024, responses: file.responses }));
