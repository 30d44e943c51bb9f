import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { LanguageProvider } from "./i18n";
import { buildCopy, type Catalogue } from "./i18n/copy";
import { defaultLocale, isLocale } from "./i18n/locale";
import { providePageCopy } from "./i18n/page-copy";
import { holdEventsUntilDecoded } from "./hydration-guard.client";

holdEventsUntilDecoded();

// The page names its language's catalogue (preloaded in its head); the script takes over once
// it has it. Until then, and if it cannot be had, the page works as it does without JavaScript.
async function fetchCatalogue(url: string): Promise<Catalogue> {
  for (let attempt = 1; ; attempt++) {
    try {
      const response = await fetch(url);
      if (response.ok) return (await response.json()) as Catalogue;
      if (response.status === 404) throw new Error(`no catalogue at ${url}`);
    } catch (error) {
      if (attempt >= 5) throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, 1000 * attempt));
  }
}

async function hydrate() {
  const root = document.documentElement;
  const catalogueUrl = root.dataset.catalogue ?? "";
  const locale = isLocale(root.dataset.locale) ? root.dataset.locale : defaultLocale;
  const copy = buildCopy(locale, await fetchCatalogue(catalogueUrl));
  providePageCopy(() => copy);
  startTransition(() => {
    hydrateRoot(
      document,
      <StrictMode>
        <LanguageProvider value={{ locale, copy, catalogueUrl }}>
          <RemixBrowser />
        </LanguageProvider>
      </StrictMode>,
    );
  });
}

void hydrate();
