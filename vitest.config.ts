import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "~": path.resolve("app") } },
  test: {
    include: [
      "app/**/*.test.ts",
      "app/**/*.test.tsx",
      "scripts/**/*.test.ts",
      "server/**/*.test.ts",
      "tests/integration/**/*.test.ts",
    ],
    // Integration tests share one database per run; files run one at a time.
    fileParallelism: false,
    allowOnly: false, // a stray .only would silently skip the rest
    testTimeout: 20_000,
    globalSetup: ["tests/integration/global-setup.ts"],
  },
});
