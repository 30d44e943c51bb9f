// `npm run setup` on a machine with no `.env`: writes one that turns demo mode on, so the
// README's two local commands give a working portal with demo accounts and a demo banner.
// An existing `.env` is never touched: a production machine keeps its own settings.
import { existsSync, writeFileSync } from "node:fs";

if (existsSync(".env")) {
  console.error(".env exists: left as it is");
} else {
  writeFileSync(
    ".env",
    [
      "# Written by `npm run setup` for a local demo (see .env.example for every setting).",
      "# Demo mode seeds accounts with a published password: never on a real portal.",
      "DEMO_MODE=true",
      "",
    ].join("\n"),
  );
  console.error("wrote .env with DEMO_MODE=true (a local demo)");
}
