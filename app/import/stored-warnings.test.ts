import { describe, expect, it } from "vitest";
import { copyFor } from "~/i18n/catalogues.server";
import { storedWarningMessage } from "./import-messages";
import { storedImportWarnings } from "./problems";

// Warnings are stored with a response as codes and values (Response.importWarnings); a database
// may still hold warnings stored before, as English sentences: the review and country pages show
// both, the coded ones in the page's language, the old ones as they were written.

const NBSP = "\u00a0";

describe("warnings stored with a response", () => {
  const OLD = 'No explicit Yes/No; read as "yes" because q4_cio_name is filled in.';
  const stored = [
    // Written before warnings were codes: the English sentence.
    {
      field: "q4_has_cio",
      message: OLD,
    },
    { field: "q1_national_portal", code: "questionNotFound", values: {} },
    { field: null, code: "fieldsNotInFile", values: { fields: ["q1", "q2"], count: 2 } },
    // A code this version does not know, values that do not fit, and what is no warning.
    { field: "q2", code: "renamedSince", values: {} },
    { field: "q3", code: "overWordLimit", values: {} },
    "not a warning",
    { field: "q5" },
  ];

  it("reads both shapes, and keeps a code it does not know", () => {
    expect(storedImportWarnings(stored)).toEqual([
      stored[0],
      stored[1],
      stored[2],
      { field: "q2", code: "unknownWarning", values: { code: "renamedSince" } },
      stored[4],
    ]);
    expect(storedImportWarnings(stored, 2)).toHaveLength(2);
    expect(storedImportWarnings(null)).toEqual([]);
    expect(storedImportWarnings({ field: "q1", message: "x" })).toEqual([]);
  });

  it("shows an old warning as it was written, a coded one in the page's language", () => {
    const [old, notFound, missing, unknown, unfit] = storedImportWarnings(stored);
    for (const locale of ["fr", "ar", "en"] as const) {
      expect(storedWarningMessage(copyFor(locale), old!)).toBe(OLD);
    }
    const fr = copyFor("fr");
    expect(storedWarningMessage(fr, notFound!)).toBe(
      "Cette question est introuvable dans le document.",
    );
    expect(storedWarningMessage(fr, missing!)).toBe(
      `2 champs ne figurent pas dans le fichier et sont considérés comme sans réponse${NBSP}: q1, q2.`,
    );
    expect(storedWarningMessage(fr, unknown!)).toBe(
      "Un avertissement que cette version du portail ne sait pas afficher (code renamedSince).",
    );
    // Values missing: said so, not a page that fails.
    expect(storedWarningMessage(fr, unfit!)).toBe(
      "Un avertissement que cette version du portail ne sait pas afficher (code overWordLimit).",
    );
  });
});
