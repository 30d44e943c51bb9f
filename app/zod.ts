import { config, z } from "zod";

// zod 4 compiles object schemas with `new Function` when it may; finding out whether it may
// tries `new Function("")`, which the portal's Content-Security-Policy (no 'unsafe-eval')
// refuses and the browser reports as a violation on every page that validates a form. Its
// interpreter is what runs under that policy anyway; the server, with no such policy, keeps the
// compiled schemas. Every module takes zod from here, so this runs before any schema is made
// (ESM evaluates an import before its importer).
config({ jitless: typeof document !== "undefined" });

export { z };
