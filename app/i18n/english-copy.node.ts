import englishCatalogue from "./catalogues/en.json" with { type: "json" };
import { buildCopy, type Catalogue } from "./copy";

// The English copy for code that Node's own ESM loader runs (the seed, scripts, Playwright's
// tests), which takes JSON only with an import attribute. The portal's bundler takes no import
// attribute: the pages use catalogues.server.ts, and nothing they import may import this.
export const englishCopy = buildCopy("en", englishCatalogue as Catalogue);
