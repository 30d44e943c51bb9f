import { describe, expect, it } from "vitest";
import { readAutosaveSaved, shownField } from "./section-protocol";

describe("the autosave reply", () => {
  const saved = {
    revision: 4,
    saved: ["q14_social_media"],
    savedAt: "2026-12-02T00:00:00.000Z",
    conflicts: [
      { field: "q1_national_portal", yours: "a", theirs: "b", by: "Ama", at: "2026-12-02T00:00Z" },
    ],
  };

  it("reads a save, conflicts included", () => {
    expect(readAutosaveSaved(saved)).toEqual(saved);
    expect(readAutosaveSaved({ ...saved, conflicts: [] })).toEqual({ ...saved, conflicts: [] });
  });

  it("refuses what is not a save: an error reply, a proxy's page, a truncated or changed body", () => {
    for (const other of [
      { error: "locked" },
      "<html>Bad gateway</html>",
      null,
      [],
      { ...saved, saved: "q14_social_media" },
      { ...saved, revision: "4" },
      { ...saved, conflicts: [{ field: 1 }] },
      { revision: 4, saved: [] },
    ])
      expect(readAutosaveSaved(other)).toBeNull();
  });

  it("names the fingerprint field of a question as the server reads it", () => {
    expect(shownField("q1_national_portal")).toBe("orig.q1_national_portal");
  });
});
