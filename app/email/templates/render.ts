import { plainTextSelectors, render } from "@react-email/components";
import { type ReactElement } from "react";

/** What every template returns: ready for `sendEmail`, both bodies from one React source. */
export type RenderedEmail = { subject: string; html: string; text: string };

// The text body keeps headings as written: html-to-text upper-cases them by default, which
// would change names and titles quoted in them.
const headingsAsWritten = ["h1", "h2", "h3"].map((selector) => ({
  selector,
  options: { uppercase: false },
}));
const textOptions = { selectors: [...plainTextSelectors, ...headingsAsWritten] };

export async function renderEmail(subject: string, element: ReactElement): Promise<RenderedEmail> {
  const [html, text] = await Promise.all([
    render(element),
    render(element, { plainText: true, htmlToTextOptions: textOptions }),
  ]);
  // React 18's Node stream sends its whole 2 KB buffer when the next multi-byte character
  // (Arabic, Chinese, Russian…) does not fit in it: the unfilled bytes arrive as NULs, the
  // character intact after them. Some mail clients end a message at a NUL, so they go (as
  // react-email's own `pretty` does).
  return {
    // A subject is one header line; names inside it may carry line breaks. The no-break spaces
    // French puts before its colons stay.
    subject: subject.replace(/[^\S\u00a0\u202f]+/g, " ").trim(),
    html: html.replaceAll("\0", ""),
    text: text.replaceAll("\0", ""),
  };
}
