/**
 * The same text as one flat string. React's renderers build their markup by joining thousands
 * of pieces, which V8 keeps as a tree of them; markup that is kept and put into page after page
 * had that tree walked again by every page (a twentieth of the dashboard's server time). Copied once
 * into a flat string, it is copied as a block.
 */
export function flatString(text: string): string {
  return Buffer.from(text, "utf8").toString("utf8");
}
