import { TYPE } from "@formatjs/icu-messageformat-parser";
import { IntlMessageFormat } from "intl-messageformat";
import type { Copy } from "./copy-types";
import { formatTag, type Locale } from "./locale";

// The copy of one language: the catalogue's tree, each message without arguments a string and
// each one with arguments a function of them, formatted by FormatJS (ICU plural and select
// rules, numbers and dates in the language's own way). The same code runs in the browser and on
// the server (pages, validation messages, e-mails).

/** Named formats the catalogues may use: `{at, date, utcDateTime}`. */
const formats = {
  date: {
    utcDateTime: { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" },
    long: { dateStyle: "long" },
  },
  time: {},
  number: {},
} as const;

export type Catalogue = { [key: string]: string | Catalogue };

export function buildCopy(locale: Locale, catalogue: Catalogue): Copy {
  const tag = formatTag(locale);
  const build = (node: Catalogue): Record<string, unknown> =>
    Object.fromEntries(
      Object.entries(node).map(([key, value]) => {
        if (typeof value !== "string") return [key, build(value)];
        const message = new IntlMessageFormat(value, tag, formats, { ignoreTag: true });
        if (message.getAst().every((element) => element.type === TYPE.literal)) {
          return [key, String(message.format())];
        }
        return [key, (values: Record<string, unknown>) => String(message.format(values))];
      }),
    );
  return build(catalogue) as unknown as Copy;
}

export type { Copy };

/** A message picked by a key that comes from data (an event's kind), formatted if it asks. */
export function messageFor<V>(messages: object, key: string, values: V, fallback: string): string {
  const message = (messages as Record<string, string | ((values: V) => string) | undefined>)[key];
  if (message === undefined) return fallback;
  return typeof message === "function" ? message(values) : message;
}

/** Items joined as the language joins a list: "a, b and c", "a, b ou c", "a، b و c". */
export function formatList(
  locale: Locale,
  items: string[],
  type: "conjunction" | "disjunction" = "conjunction",
): string {
  return new Intl.ListFormat(formatTag(locale), { type, style: "long" }).format(items);
}

/** Clauses of one statement, joined as the language joins a short list ("a, b, c"). */
export function joinClauses(locale: Locale, clauses: string[]): string {
  return new Intl.ListFormat(formatTag(locale), { type: "unit", style: "short" }).format(clauses);
}
