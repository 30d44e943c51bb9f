// Conform's zod parser for routes that parse their posts only on the server: imported from here
// (a .server module is empty in the browser's build), it keeps zod and its parser out of the
// page's script, where the bundler would otherwise carry them for an import only the action uses.
export { parseWithZod } from "@conform-to/zod/v4";
