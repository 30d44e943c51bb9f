const DOCUMENT_END = "</body></html>";

/**
 * Remix renders the single-fetch data scripts after the document (`<RemixServer>` puts them
 * beside the router, so they follow `</html>`): browsers move them into the body, and the HTML
 * standard calls it a parse error. The document is whole here, so its end moves after them.
 * React escapes `<` in every text and attribute, and Remix in the data, so the first
 * `</body></html>` is the document's own.
 */
export function documentWithDataInside(html: string): string {
  const end = html.indexOf(DOCUMENT_END);
  if (end === -1 || end + DOCUMENT_END.length === html.length) return html;
  return html.slice(0, end) + html.slice(end + DOCUMENT_END.length) + DOCUMENT_END;
}
