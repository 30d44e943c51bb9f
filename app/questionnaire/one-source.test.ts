import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// The portal finds every round's questionnaire in the database (requireQuestionnaire): no page,
// model or export may reach for a definition bundled with the code, so an unknown round is an
// error and never silently the 2020 questionnaire.

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" ? [] : sourceFiles(file);
    return /\.tsx?$/.test(entry.name) && !/\.test(-helper)?\.tsx?$/.test(entry.name) ? [file] : [];
  });
}

describe("the portal's questionnaires come from the database only", () => {
  const files = sourceFiles("app");

  it("reads no bundled definition outside the seed", () => {
    const offenders = files.filter((file) => {
      const text = readFileSync(file, "utf8");
      return (
        /from "~\/questionnaire\/(definitions|msq2020\.test-helper)"/.test(text) ||
        /\?\?\s*msq2020/.test(text)
      );
    });
    expect(files.length).toBeGreaterThan(100);
    expect(offenders).toEqual([]);
  });

  it("has one way to find a round's questionnaire", () => {
    const definers = files.filter((file) =>
      /export (async )?function requireQuestionnaire\b/.test(readFileSync(file, "utf8")),
    );
    expect(definers).toEqual([path.join("app", "models", "questionnaire.server.ts")]);
  });
});
