import { execFileSync } from "node:child_process";
import type { ExportFigure } from "./report";

// Each export runs in its own process (bench/export-probe.ts), which reports its time and the
// peak resident memory it saw, so one export's memory does not hide in another's.
export async function measureExports(databaseUrl: string): Promise<ExportFigure[]> {
  const figures: ExportFigure[] = [];
  for (const format of ["csv", "xlsx", "json"]) {
    try {
      const out = execFileSync("npx", ["tsx", "bench/export-probe.ts", format], {
        env: { ...process.env, DATABASE_URL: databaseUrl },
        stdio: ["ignore", "pipe", "inherit"],
      });
      figures.push({ format, ...(JSON.parse(out.toString()) as { ms: number; peakMb: number }) });
    } catch (error) {
      figures.push({ format, error: (error as Error).message.split("\n")[0]! });
    }
  }
  return figures;
}
