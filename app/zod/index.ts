import { config, z } from "zod";

// zod 4 compiles object schemas with `new Function` when it may; finding out whether it may
// tries `new Function("")`, which the portal's Content-Security-Policy (no 'unsafe-eval')
// refuses and the browser reports as a violation on every page that validates a form. Its
// interpreter is what runs under that policy anyway; the server, with no such policy, keeps the
// compiled schemas. Every module takes zod from here, so this runs before any schema is made
// (ESM evaluates an import before its importer).
config({ jitless: typeof document !== "undefined" });

export { z };

/**
 * A schema built on first use, then kept (zod 4 compiles a schema when it is built). Call it
 * `/* @__PURE__ *\/ lazySchema(() => …)`: a module-level `z.object(…)` is a call the bundler must
 * keep, and with it all of zod (270 KB) in the script of every page that imports the module for
 * anything else; a pure call of a function goes only where the schema is used.
 */
export function lazySchema<T>(build: () => T): () => T {
  let built: T | undefined;
  return () => (built ??= build());
}
