import { describe, expect, it } from "vitest";
import { regions } from "~/countries/regions";
import { copyFor } from "./catalogues.server";
import { buildCopy, regionName } from "./copy";
import { locales } from "./locale";

// The copy as pages and e-mails get it: ICU plurals, numbers and lists in each language's way,
// and in Arabic the Latin names and addresses put into a sentence kept whole.

describe("the copy of each language", () => {
  it("parses every message of every catalogue, each a string or a function as English's is", () => {
    // Messages are parsed when first read: this reads them all, so a bad one fails here.
    const shape = (node: unknown): unknown =>
      typeof node === "object" && node !== null
        ? Object.fromEntries(Object.entries(node).map(([key, value]) => [key, shape(value)]))
        : typeof node;
    const english = shape(copyFor("en"));
    for (const locale of locales) expect(shape(copyFor(locale)), locale).toEqual(english);
  });

  it("formats numbers as the language writes them", () => {
    expect(copyFor("en").invitations.fileProblems.tooManyRows({ max: 2000 })).toContain("2,000");
    // French and Russian group thousands with a (narrow) no-break space.
    expect(copyFor("fr").invitations.fileProblems.tooManyRows({ max: 2000 })).toMatch(
      /2[\u00a0\u202f]000/,
    );
    expect(copyFor("ru").invitations.fileProblems.tooManyRows({ max: 2000 })).toMatch(
      /2[\u00a0\u202f]000/,
    );
  });

  it("chooses each language's plural form", () => {
    const ru = copyFor("ru").validation;
    const excess = (count: number) => ru.overWordLimit({ count, max: 250, excess: count - 250 });
    expect(excess(251)).not.toBe(excess(252));
    expect(excess(252)).not.toBe(excess(255));
    const en = copyFor("en").validation;
    expect(en.overWordLimit({ count: 251, max: 250, excess: 1 })).toContain("by 1 word.");
    expect(en.overWordLimit({ count: 252, max: 250, excess: 2 })).toContain("by 2 words.");
  });

  it("isolates a Latin address inside an Arabic sentence, and only in right-to-left languages", () => {
    const address = "a.kone@gouv.example.org";
    expect(copyFor("ar").admin.invited({ email: address })).toContain(`\u2068${address}\u2069`);
    expect(copyFor("fr").admin.invited({ email: address })).not.toContain("\u2068");
  });

  it("still selects by a choice argument in Arabic (its value is not isolated)", () => {
    const denied = (why: string) =>
      copyFor("ar").eventLog.accessDenied({ method: "GET", path: "/x", status: "403", why });
    expect(denied("role")).not.toBe(denied("country"));
  });

  it("names every Member State's region in every language", () => {
    for (const locale of locales)
      for (const region of regions) expect(regionName(copyFor(locale), region)).not.toBe("");
    expect(regionName(copyFor("fr"), "Africa")).toBe("Afrique");
    expect(regionName(copyFor("en"), "Oceania")).toBe("Oceania");
    // Every region of the data has its own message (none falls back to the English name).
    for (const region of regions) expect(Object.keys(copyFor("en").regions)).toContain(region);
  });
});

describe("a message formatted again with the same values", () => {
  const copy = buildCopy("en", {
    items: "{n, plural, one {# item} other {# items}} for {name}",
    day: "on {at, date, utcDateTime}",
  }) as unknown as Record<string, (values: Record<string, unknown>) => string>;

  it("gives what it gave, and each new value its own text, past the number remembered", () => {
    const items = copy["items"]!;
    expect(items({ n: 1, name: "Rwanda" })).toBe("1 item for Rwanda");
    expect(items({ n: 2, name: "Rwanda" })).toBe("2 items for Rwanda");
    expect(items({ n: 1, name: "Rwanda" })).toBe("1 item for Rwanda");
    expect(items({ n: 1, name: "Qatar" })).toBe("1 item for Qatar");
    for (let n = 0; n < 1200; n++)
      expect(items({ n, name: "Fiji" })).toBe(
        `${n.toLocaleString("en")} item${n === 1 ? "" : "s"} for Fiji`,
      );
    expect(items({ n: 2, name: "Rwanda" })).toBe("2 items for Rwanda");
  });

  it("formats a date each time (a date is not a plain value)", () => {
    const day = copy["day"]!;
    expect(day({ at: new Date("2026-12-01T12:00:00Z") })).toBe("on 1 Dec 2026, 12:00");
    expect(day({ at: new Date("2026-12-02T12:00:00Z") })).toBe("on 2 Dec 2026, 12:00");
  });
});
