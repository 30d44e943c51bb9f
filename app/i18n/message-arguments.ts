import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";

// What each ICU message asks for: its arguments and their kinds. Used by the check that every
// language asks for the same ones (catalogue-problems.ts).

export type ArgumentKind = "text" | "number" | "date" | "choice";

export function messageArguments(message: string): Map<string, ArgumentKind> {
  return argumentsOf(parse(message));
}

/** The arguments of a parsed message (`IntlMessageFormat#getAst()`). */
export function argumentsOf(ast: MessageFormatElement[]): Map<string, ArgumentKind> {
  const found = new Map<string, ArgumentKind>();
  const visit = (elements: MessageFormatElement[]) => {
    for (const element of elements) {
      switch (element.type) {
        case TYPE.argument:
          if (!found.has(element.value)) found.set(element.value, "text");
          break;
        case TYPE.number:
          found.set(element.value, "number");
          break;
        case TYPE.date:
        case TYPE.time:
          found.set(element.value, "date");
          break;
        case TYPE.plural:
          found.set(element.value, "number");
          for (const option of Object.values(element.options)) visit(option.value);
          break;
        case TYPE.select:
          found.set(element.value, "choice");
          for (const option of Object.values(element.options)) visit(option.value);
          break;
        case TYPE.tag:
          visit(element.children);
          break;
        default:
          break;
      }
    }
  };
  visit(ast);
  return found;
}

/**
 * The formats a message asks for, by argument: "number ::percent", "date utcDateTime". A
 * translation must ask for the same, or "{rate, number, ::percent}" typed with a no-break space
 * (French typography) silently becomes a plain number.
 */
export function argumentStyles(message: string): Map<string, string> {
  const found = new Map<string, string>();
  const visit = (elements: MessageFormatElement[]) => {
    for (const element of elements) {
      if (
        element.type === TYPE.number ||
        element.type === TYPE.date ||
        element.type === TYPE.time
      ) {
        const style = element.style;
        const written =
          style === null || style === undefined
            ? ""
            : typeof style === "string"
              ? style
              : `::${(style as { tokens?: { stem: string }[] }).tokens?.map((t) => t.stem).join(" ") ?? ""}`;
        // A plain number may be a plural in another language: only a named format must match.
        if (written !== "")
          found.set(
            element.value,
            `${element.type === TYPE.number ? "number" : "date"} ${written}`,
          );
      }
      if (element.type === TYPE.plural || element.type === TYPE.select)
        for (const option of Object.values(element.options)) visit(option.value);
      if (element.type === TYPE.tag) visit(element.children);
    }
  };
  visit(parse(message));
  return found;
}

/** Every message of a catalogue, by its dotted path. */
export function flatMessages(catalogue: unknown, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof catalogue === "string") {
    out.set(prefix, catalogue);
    return out;
  }
  if (catalogue && typeof catalogue === "object") {
    for (const [key, value] of Object.entries(catalogue)) {
      for (const [path, message] of flatMessages(value, prefix ? `${prefix}.${key}` : key)) {
        out.set(path, message);
      }
    }
  }
  return out;
}
