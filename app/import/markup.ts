import { forwardFinder } from "./scan";

// Markdown and HTML to plain text, one line at a time, as a person would have typed it: markup
// and footnote marks go, link targets stay ("[text](url)" keeps the URL, and the text too when
// it says more than the URL), list markers stay for the answer builder to judge.
// Tags and links are found by small loops, each reading the line once: the regular expressions
// they replace tried every "<" or "[" against the rest of the line (quadratic on "<a<a<a…").

export const SUPERSCRIPT_DIGITS = /[⁰¹²³⁴⁵⁶⁷⁸⁹]+/g;
const SUPERSCRIPT_MAP: Record<string, string> = {
  "0": "⁰",
  "1": "¹",
  "2": "²",
  "3": "³",
  "4": "⁴",
  "5": "⁵",
  "6": "⁶",
  "7": "⁷",
  "8": "⁸",
  "9": "⁹",
};

/** A Markdown footnote line: "¹ This questionnaire …" or "<sup>5</sup> CIO or …". */
export function isMarkdownFootnote(rawLine: string): boolean {
  return /^\s*(?:<sup>\s*\d+\s*<\/sup>|[⁰¹²³⁴⁵⁶⁷⁸⁹]+)\s*\S/.test(rawLine);
}

const ENTITIES: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: " ",
  ndash: "–",
  mdash: "—",
  rsquo: "’",
  lsquo: "‘",
  rdquo: "”",
  ldquo: "“",
  hellip: "…",
};

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === "#") {
      const code =
        name[1]?.toLowerCase() === "x" ? parseInt(name.slice(2), 16) : Number(name.slice(1));
      // Beyond the last code point, String.fromCodePoint throws: such a reference stays as written.
      return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** Comparable form of a link text or target: no scheme, "www.", spaces, escapes or slash. */
function comparable(text: string): string {
  let decoded = text;
  try {
    decoded = decodeURIComponent(text);
  } catch {
    // a stray "%" in the text: compare it as written
  }
  return decoded
    .toLowerCase()
    .replace(/^(?:[a-z]+:\/\/|mailto:)/, "")
    .replace(/^www\./, "")
    .replace(/[\s\\]/g, "")
    .replace(/\/$/, "");
}

/** The plain-text form of a link: the URL, preceded by its text when the text adds something. */
export function linkToText(text: string, target: string): string {
  const label = text.trim();
  const url = target.trim().replace(/^<|>$/g, "");
  if (url === "" || url.startsWith("#")) return label;
  const address = url.replace(/^mailto:/i, "");
  if (label === "") return address;
  const a = comparable(label);
  const b = comparable(address);
  if (a === b || b.includes(a) || a.includes(b)) return address;
  return `${label} (${address})`;
}

/** Finds "[text](target)" links; targets may hold balanced parentheses ("…-\\(1\\)" → "…-(1)"). */
function replaceMarkdownLinks(line: string): string {
  if (!line.includes("[")) return line;
  const bracketCloser = closers(line, "[", "]");
  let parenCloser: Int32Array | null = null;
  let out = "";
  let kept = 0;
  for (let open = line.indexOf("["); open >= 0; open = line.indexOf("[", open + 1)) {
    const close = bracketCloser[open]!;
    if (close < 0 || line[close + 1] !== "(") continue;
    parenCloser ??= closers(line, "(", ")");
    const end = parenCloser[close + 1]!;
    if (end < 0) continue;
    const text = unescapeMarkdown(line.slice(open + 1, close));
    const target = withoutLinkTitle(line.slice(close + 2, end));
    out += line.slice(kept, open) + linkToText(text, unescapeMarkdown(target));
    kept = end + 1;
    open = end;
  }
  return out + line.slice(kept);
}

/**
 * For each `open` character of the line, where the bracket it opens closes (-1: never): nested
 * pairs count, a backslash escapes the next character. One pass for every position: reading on
 * from each opening bracket instead is quadratic on "[[[[…". An opening at `p` closes at the
 * first closing after it that brings the depth below the depth just after `p`; the openings
 * waiting for a depth are a linked list (`waiting`, `next`), so that nothing is allocated per
 * bracket.
 */
function closers(text: string, open: string, close: string): Int32Array {
  const length = text.length;
  const closer = new Int32Array(length).fill(-1);
  const next = new Int32Array(length);
  const offset = length + 1; // depths run from -length - 1 (an escaped opening) to length
  const waiting = new Int32Array(2 * offset + 1).fill(-1); // by depth + offset
  let depth = 0;
  let escaped = false;
  for (let i = 0; i < length; i++) {
    const char = text[i];
    const counted: boolean = !escaped;
    escaped = counted && char === "\\";
    if (char === open) {
      // An escaped opening is not counted, but a link may still start there.
      const target = depth - (counted ? 0 : 1) + offset;
      next[i] = waiting[target]!;
      waiting[target] = i;
    }
    if (!counted) continue;
    if (char === open) depth++;
    else if (char === close) {
      depth--;
      for (let p = waiting[depth + offset]!; p >= 0; p = next[p]!) closer[p] = i;
      waiting[depth + offset] = -1;
    }
  }
  return closer;
}

/** A link target without its title ('url "Title"'). */
function withoutLinkTitle(target: string): string {
  if (target.length < 2 || !target.endsWith('"')) return target;
  const quote = target.lastIndexOf('"', target.length - 2);
  if (quote < 1 || !/\s/.test(target[quote - 1]!)) return target;
  return target.slice(0, quote).trimEnd();
}

function unescapeMarkdown(text: string): string {
  return text.replace(/\\([\\`*_{}[\]()#+\-.!|<>~"'])/g, "$1");
}

/** Plain text of one line of Markdown/HTML/PDF text. Leading indentation is kept. */
export function stripMarkup(line: string): string {
  // Most lines hold no markup at all: each step is skipped unless its mark is on the line.
  let text = line;
  if (text.includes("<")) {
    text = text
      .replace(/<sup>\s*(\d+)\s*<\/sup>/gi, (_, digits: string) =>
        [...digits].map((d) => SUPERSCRIPT_MAP[d]).join(""),
      )
      .replace(/<br\s*\/?>/gi, " ");
    text = removeTags(replaceAutolinks(replaceHtmlLinks(text)), TAG_START);
  }
  text = replaceMarkdownLinks(text).replace(/^(\s{0,3})#{1,6}\s+/, "$1");
  if (text.includes("*"))
    text = text.replace(/\*\*/g, "").replace(/(^|[\s(])\*(\S[^*]*?)\*(?=$|[\s).,:;])/g, "$1$2");
  if (text.includes("\\")) text = unescapeMarkdown(text);
  if (text.includes("&")) text = decodeEntities(text);
  return text.replace(SUPERSCRIPT_DIGITS, "").trimEnd();
}

/**
 * Removes every tag that `start` finds the start of, up to the first ">" after it
 * (`<\/?[a-z][^>]*>`, `<[^>]+>`); without a ">" later on the line, nothing more is a tag.
 */
function removeTags(text: string, start: RegExp): string {
  const tagEnd = forwardFinder(text, TAG_END);
  let out = "";
  let kept = 0;
  start.lastIndex = 0;
  for (let match = start.exec(text); match; match = start.exec(text)) {
    const end = tagEnd(match.index + match[0].length);
    if (end < 0) break;
    out += text.slice(kept, match.index);
    kept = end + 1;
    start.lastIndex = kept;
  }
  return out + text.slice(kept);
}

const TAG_START = /<\/?[a-z]/gi;
const INNER_TAG_START = /<[^>]/g;
const TAG_END = />/g;
const CLOSING_A = /<\/a>/gi;
const SPACE_OR_TAG_END = /[>\s]/g;
const HTML_LINK = /<a\s/gi;
const HREF = /href\s*=\s*["']([^"']*)["']/gi;

/**
 * `<a … href="url" …>text</a>` → the link as text. The tag ends at its first ">"; its last
 * href counts. The href found for a tag end is kept: "<a <a <a … href…>" is read once.
 */
function replaceHtmlLinks(line: string): string {
  const tagEnd = forwardFinder(line, TAG_END);
  const closing = forwardFinder(line, CLOSING_A);
  const hrefs = new Map<number, { at: number; url: string } | null>();
  const lastHref = (from: number, end: number) => {
    if (!hrefs.has(end)) {
      let last: { at: number; url: string } | null = null;
      for (const m of line.slice(from, end).matchAll(HREF))
        last = { at: from + m.index, url: m[1]! };
      hrefs.set(end, last);
    }
    return hrefs.get(end)!;
  };
  let out = "";
  let kept = 0;
  HTML_LINK.lastIndex = 0;
  for (let match = HTML_LINK.exec(line); match; match = HTML_LINK.exec(line)) {
    const inTag = match.index + match[0].length;
    const end = tagEnd(inTag);
    if (end < 0) break;
    const href = lastHref(inTag, end);
    if (!href || href.at < inTag) continue;
    const close = closing(end + 1);
    if (close < 0) break;
    const inner = removeTags(line.slice(end + 1, close), INNER_TAG_START);
    out += line.slice(kept, match.index) + linkToText(inner, href.url);
    kept = close + "</a>".length;
    HTML_LINK.lastIndex = kept;
  }
  return out + line.slice(kept);
}

const AUTOLINK = /<(?:https?:\/\/|ftp:\/\/|mailto:)/gi;

/** `<https://x.org>`, `<mailto:a@b.org>` → the address: up to a ">" with no space before it. */
function replaceAutolinks(line: string): string {
  const stop = forwardFinder(line, SPACE_OR_TAG_END);
  let out = "";
  let kept = 0;
  AUTOLINK.lastIndex = 0;
  for (let match = AUTOLINK.exec(line); match; match = AUTOLINK.exec(line)) {
    const from = match.index + match[0].length;
    const end = stop(from);
    if (end < 0) break;
    if (end === from || line[end] !== ">") continue;
    out +=
      line.slice(kept, match.index) + line.slice(match.index + 1, end).replace(/^mailto:/i, "");
    kept = end + 1;
    AUTOLINK.lastIndex = kept;
  }
  return out + line.slice(kept);
}
