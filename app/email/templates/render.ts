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
  // A subject is one header line; names inside it may carry line breaks.
  return { subject: subject.replace(/\s+/g, " ").trim(), html, text };
}
