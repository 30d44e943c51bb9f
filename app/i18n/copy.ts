import { TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { IntlMessageFormat } from "intl-messageformat";
import type { Copy } from "./copy-types";
import { directionOf, formatTag, type Locale } from "./locale";
import { argumentsOf } from "./message-arguments";

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
  const rtl = directionOf(locale) === "rtl";
  const compile = (value: string): string | ((values: Record<string, unknown>) => string) => {
    const message = new IntlMessageFormat(value, tag, formats, { ignoreTag: true });
    const ast = message.getAst();
    if (ast.every((element) => element.type === TYPE.literal)) return String(message.format());
    const texts = rtl ? textArguments(ast) : [];
    const format = (values: Record<string, unknown>) =>
      String(message.format(texts.length > 0 ? isolated(values, texts) : values));
    return remembered(format, [...argumentsOf(ast).keys()]);
  };
  // Each message is parsed when it is first read, not all of them as the page starts: a page
  // reads a few dozen of the catalogue's messages, and parsing them all held the browser's main
  // thread before the page could answer. Text without ICU syntax is itself.
  const build = (node: Catalogue): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(node)) {
      if (typeof value !== "string") out[key] = build(value);
      else if (!/[{']/.test(value)) out[key] = value;
      else
        Object.defineProperty(out, key, {
          enumerable: true,
          configurable: true,
          get() {
            const compiled = compile(value);
            Object.defineProperty(out, key, { value: compiled, enumerable: true });
            return compiled;
          },
        });
    }
    return out;
  };
  return build(catalogue) as unknown as Copy;
}

// A page formats one message many times with the same values (a chart's table: a cell per day
// and region, most of them alike; FormatJS builds a key of its own for its number formats on
// each call). What a message gave for plain values is remembered; the few hundred most recent.
const REMEMBERED = 500;

function remembered(
  format: (values: Record<string, unknown>) => string,
  names: string[],
): (values: Record<string, unknown>) => string {
  const results = new Map<string, string>();
  return (values) => {
    let key = "";
    for (const name of names) {
      const value = values[name];
      // A number and its text are different values to ICU (plural rules): the key says which.
      if (typeof value === "number") key += `#${value}\u0000`;
      else if (typeof value === "string") key += `$${value}\u0000`;
      else if (value === undefined || value === null) key += `-\u0000`;
      else return format(values); // a date or an object: formatted each time
    }
    const found = results.get(key);
    if (found !== undefined) return found;
    const result = format(values);
    if (results.size >= REMEMBERED) results.clear();
    results.set(key, result);
    return result;
  };
}

// In a right-to-left language, a name, an address or a URL put into a sentence is isolated
// (Unicode FSI … PDI, as Fluent does) so that its own direction cannot reorder the words around
// it: "أرسلت a.kone@gouv.example.org الدعوة" keeps the address whole and in its place.
const FIRST_STRONG_ISOLATE = "\u2068";
const POP_DIRECTIONAL_ISOLATE = "\u2069";

function textArguments(ast: MessageFormatElement[]): string[] {
  return [...argumentsOf(ast)].filter(([, kind]) => kind === "text").map(([name]) => name);
}

function isolated(values: Record<string, unknown>, names: string[]): Record<string, unknown> {
  const out = { ...values };
  for (const name of names) {
    const value = out[name];
    if (typeof value === "string" && value !== "")
      out[name] = `${FIRST_STRONG_ISOLATE}${value}${POP_DIRECTIONAL_ISOLATE}`;
  }
  return out;
}

export type { Copy };

/** A message picked by a key that comes from data (an event's kind), formatted if it asks. */
export function messageFor<V>(messages: object, key: string, values: V, fallback: string): string {
  const message = (messages as Record<string, string | ((values: V) => string) | undefined>)[key];
  if (message === undefined) return fallback;
  return typeof message === "function" ? message(values) : message;
}

/** A UN M49 region's name in the copy's language ("Africa" → "Afrique"); unknown ones as they are. */
export function regionName(copy: Copy, region: string): string {
  return messageFor(copy.regions, region, {}, region);
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
