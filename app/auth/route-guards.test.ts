import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// Every loader and action calls its guard in the route module itself, where a reader sees it,
// or says on the line above why it is public ("// Public: …"). A new route is covered by
// default: the test walks app/routes.

const ROUTES = path.resolve("app/routes");
/** The guards of app/auth/guards.server.ts: each refuses, or redirects, whoever may not. */
const GUARDS = [
  ...readFileSync(path.resolve("app/auth/guards.server.ts"), "utf8").matchAll(
    /export (?:async function|const) (require\w+)/g,
  ),
].map((m) => m[1]!);

/** Route modules: app/routes/*.ts(x) and app/routes/<folder>/route.tsx. */
function routeModules(): string[] {
  return readdirSync(ROUTES).flatMap((name) => {
    const full = path.join(ROUTES, name);
    if (statSync(full).isDirectory()) {
      return readdirSync(full)
        .filter((n) => /^route\.tsx?$/.test(n))
        .map((n) => path.join(full, n));
    }
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [full] : [];
  });
}

type Handler = { name: "loader" | "action"; body: string; publicReason: string | null };

/** The module's loader and action: each body (to its closing brace at column 0) and marker. */
function handlersOf(source: string): Handler[] {
  const lines = source.split("\n");
  const handlers: Handler[] = [];
  lines.forEach((line, index) => {
    const match = /^export (?:async function|const) (loader|action)\b/.exec(line);
    if (!match) return;
    // A function ends at its closing brace at column 0; `export const loader = …` at its `;`.
    const closing = line.startsWith("export const") ? /;\s*$/ : /^}/;
    let end = index;
    while (end < lines.length && !closing.test(lines[end]!)) end++;
    let above = index - 1;
    const comments: string[] = [];
    while (above >= 0 && /^\s*\/\//.test(lines[above]!)) comments.unshift(lines[above--]!);
    const marker = comments.find((c) => /^\s*\/\/ Public: \S/.test(c));
    handlers.push({
      name: match[1] as Handler["name"],
      body: lines.slice(index, end + 1).join("\n"),
      publicReason: marker ? marker.replace(/^\s*\/\/ Public: /, "") : null,
    });
  });
  return handlers;
}

const guarded = (body: string) => GUARDS.some((guard) => new RegExp(`\\b${guard}\\(`).test(body));

describe("route guards", () => {
  it("knows the guards", () => {
    expect(GUARDS).toEqual(expect.arrayContaining(["requireUser", "requireFocalPointFor"]));
  });

  it("finds a guard, or a public marker, in every loader and action", () => {
    const missing: string[] = [];
    let handlers = 0;
    for (const file of routeModules()) {
      for (const handler of handlersOf(readFileSync(file, "utf8"))) {
        handlers++;
        if (!handler.publicReason && !guarded(handler.body))
          missing.push(`${path.relative(ROUTES, file)}: ${handler.name}`);
      }
    }
    expect(handlers).toBeGreaterThan(30);
    expect(missing).toEqual([]);
  });

  it("flags a loader that calls no guard, and one whose guard is only in a comment", () => {
    const unguarded = `export async function loader({ params }: LoaderFunctionArgs) {\n  return findResponse(params.code);\n}\n`;
    const commented = `// requireUser(request) is done below\nexport async function action() {\n  return null;\n}\n`;
    const marked = `// Public: the sign-in page.\nexport async function loader() {\n  return null;\n}\n`;
    const [a] = handlersOf(unguarded);
    const [b] = handlersOf(commented);
    const [c] = handlersOf(marked);
    expect(a && !a.publicReason && !guarded(a.body)).toBe(true);
    expect(b && !b.publicReason && !guarded(b.body)).toBe(true);
    expect(c?.publicReason).toBe("the sign-in page.");
  });
});
