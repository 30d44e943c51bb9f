// Reads docs/FIELDS.md (the public contract) into plain data, for the test that keeps the
// TypeScript definition and the document in step. Test-only.
import { readFileSync } from "node:fs";

export type DocField = {
  key: string;
  type: string;
  maxWords: number | null;
  when: string | null;
  text: string;
  section: string;
};

export type FieldsDoc = {
  header: DocField[];
  fields: DocField[];
  options: Record<string, { key: string; text: string }[]>;
  /** Conditions stated in prose, as `field` → "parent = value" / "parent includes option". */
  proseConditions: Record<string, string>;
};

const cells = (line: string) =>
  line
    .trim()
    .replace(/^\||\|$/g, "")
    .split("|")
    .map((cell) => cell.trim());
const unquote = (cell: string) => cell.replace(/^`|`$/g, "");

export function readFieldsDoc(path = "docs/FIELDS.md"): FieldsDoc {
  const lines = readFileSync(path, "utf8").split("\n");
  const doc: FieldsDoc = { header: [], fields: [], options: {}, proseConditions: {} };
  let section = "";
  let columns: string[] = [];
  let optionsOf: string | null = null;

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const heading = /^## (.+)$/.exec(line);
    if (heading) {
      section = heading[1]!;
      columns = [];
      continue;
    }
    const optionsIntro = /^`(\w+)` options:(.*)$/.exec(line);
    if (optionsIntro) {
      optionsOf = optionsIntro[1]!;
      const options: { key: string; text: string }[] = (doc.options[optionsOf] = []);
      // Inline form: `key` (text), `key` (text), … possibly over several lines.
      let inline = optionsIntro[2]!;
      while (lines[i + 1]?.trim()) inline += ` ${lines[++i]}`;
      for (const match of inline.matchAll(/`(\w+)` \(((?:[^()]|\([^()]*\))*)\)/g)) {
        options.push({ key: match[1]!, text: match[2]!.trim() });
      }
      columns = [];
      continue;
    }
    const prose = /^`(\w+)\*?` are asked when `(\w+)` is `"(\w+)"`/.exec(line);
    if (prose) doc.proseConditions[prose[1]!.replace(/_$/, "")] = `${prose[2]} = ${prose[3]}`;
    if (!line.startsWith("|")) continue;
    const row = cells(line);
    if (row.every((cell) => /^-+$/.test(cell))) continue;
    if (row[0] === "key" || row[0] === "option key") {
      columns = row;
      if (row[0] === "key") optionsOf = null;
      continue;
    }
    if (columns[0] === "option key" && optionsOf) {
      doc.options[optionsOf]!.push({ key: unquote(row[0]!), text: row[1]! });
      continue;
    }
    const get = (name: string) => row[columns.indexOf(name)] ?? "";
    const field: DocField = {
      key: unquote(get("key")),
      type: get("type"),
      maxWords: get("max words") ? Number(get("max words")) : null,
      when: get("when") ? get("when").replace(/`/g, "") : null,
      text: get("text"),
      section,
    };
    (section === "Header" ? doc.header : doc.fields).push(field);
  }
  return doc;
}
