import os from "node:os";
import { describe, expect, it } from "vitest";
import { readServerSettings } from "./settings.js";

describe("readServerSettings", () => {
  it("gives the local defaults when nothing is set", () => {
    expect(readServerSettings({})).toEqual({
      ok: true,
      settings: {
        mode: "development",
        port: 3000,
        workers: 1,
        trustProxy: undefined,
        publicOrigin: null,
        https: false,
      },
    });
  });

  it("reads production's settings", () => {
    const read = readServerSettings({
      NODE_ENV: "production",
      PORT: "8080",
      WEB_CONCURRENCY: "3",
      TRUST_PROXY: "1",
      PUBLIC_URL: "https://msq.example.org/portal",
    });
    expect(read).toEqual({
      ok: true,
      settings: {
        mode: "production",
        port: 8080,
        workers: 3,
        trustProxy: 1,
        publicOrigin: "https://msq.example.org",
        https: true,
      },
    });
    const perCore = readServerSettings({ NODE_ENV: "production" });
    expect(perCore.ok && perCore.settings.workers).toBe(os.availableParallelism());
  });

  it("names every bad setting at once", () => {
    const read = readServerSettings({
      NODE_ENV: "production",
      PORT: "eighty",
      WEB_CONCURRENCY: "0",
      TRUST_PROXY: "10.0.0.0/99",
      PUBLIC_URL: "msq.example.org",
    });
    expect(read.ok).toBe(false);
    expect(!read.ok && read.problems.map((p) => p.split(":")[0])).toEqual([
      "PORT",
      "WEB_CONCURRENCY",
      "TRUST_PROXY",
      "PUBLIC_URL",
    ]);
    expect(readServerSettings({ PUBLIC_URL: "ftp://x.example" }).ok).toBe(false);
    expect(readServerSettings({ PORT: "70000" }).ok).toBe(false);
  });
});
