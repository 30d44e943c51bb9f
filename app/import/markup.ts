// Markdown and HTML to plain text, one line at a time, as a person would have typed it: markup
// and footnote marks go, link targets stay ("[text](url)" keeps the URL, and the text too when
// it says more than the URL), list markers stay for the answer builder to judge.

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
      return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
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

/** Finds "[text](target)" links; targets may hold balanced parentheses ("…-\(1\)" → "…-(1)"). */
function replaceMarkdownLinks(line: string): string {
  let out = "";
  let i = 0;
  while (i < line.length) {
    const open = line.indexOf("[", i);
    if (open < 0) break;
    const close = findClosing(line, open, "[", "]");
    if (close < 0 || line[close + 1] !== "(") {
      out += line.slice(i, open + 1);
      i = open + 1;
      continue;
    }
    const end = findClosing(line, close + 1, "(", ")");
    if (end < 0) {
      out += line.slice(i, open + 1);
      i = open + 1;
      continue;
    }
    const text = unescapeMarkdown(line.slice(open + 1, close));
    const target = line.slice(close + 2, end).replace(/\s+"[^"]*"$/, "");
    out += line.slice(i, open) + linkToText(text, unescapeMarkdown(target));
    i = end + 1;
  }
  return out + line.slice(i);
}

function findClosing(text: string, from: number, open: string, close: string): number {
  let depth = 0;
  for (let i = from; i < text.length; i++) {
    const char = text[i];
    if (char === "\\") {
      i++;
      continue;
    }
    if (char === open) depth++;
    else if (char === close && --depth === 0) return i;
  }
  return -1;
}

function unescapeMarkdown(text: string): string {
  return text.replace(/\\([\\`*_{}[\]()#+\-.!|<>~"'])/g, "$1");
}

/** Plain text of one line of Markdown/HTML/PDF text. Leading indentation is kept. */
export function stripMarkup(line: string): string {
  let text = line
    .replace(/<sup>\s*(\d+)\s*<\/sup>/gi, (_, digits: string) =>
      [...digits].map((d) => SUPERSCRIPT_MAP[d]).join(""),
    )
    .replace(/<br\s*\/?>/gi, " ")
    .replace(
      /<a\s[^>]*href\s*=\s*["']([^"']*)["'][^>]*>([\s\S]*?)<\/a>/gi,
      (_, href: string, inner: string) => linkToText(inner.replace(/<[^>]+>/g, ""), href),
    )
    .replace(/<((?:https?|ftp):\/\/[^>\s]+|mailto:[^>\s]+)>/gi, (_, url: string) =>
      url.replace(/^mailto:/i, ""),
    )
    .replace(/<\/?[a-z][^>]*>/gi, "");
  text = replaceMarkdownLinks(text)
    .replace(/^(\s{0,3})#{1,6}\s+/, "$1")
    .replace(/\*\*/g, "")
    .replace(/(^|[\s(])\*(\S[^*]*?)\*(?=$|[\s).,:;])/g, "$1$2");
  return decodeEntities(unescapeMarkdown(text)).replace(SUPERSCRIPT_DIGITS, "").replace(/\s+$/, "");
}
