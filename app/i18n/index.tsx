import { createContext, useContext, type ReactNode } from "react";
import type { Copy } from "./copy";
import type { Locale } from "./locale";

// The page's language, its copy and the address of its catalogue (for the browser to fetch the
// same one), given once by entry.server.tsx and entry.client.tsx.

export type Language = { locale: Locale; copy: Copy; catalogueUrl: string };

const LanguageContext = createContext<Language | null>(null);

export function LanguageProvider({ value, children }: { value: Language; children: ReactNode }) {
  return <LanguageContext.Provider value={value}>{children}</LanguageContext.Provider>;
}

function useLanguage(): Language {
  const language = useContext(LanguageContext);
  if (!language) throw new Error("useCopy outside LanguageProvider");
  return language;
}

/** The copy of the page's language. */
export function useCopy(): Copy {
  return useLanguage().copy;
}

export function useLocale(): Locale {
  return useLanguage().locale;
}

export function useCatalogueUrl(): string {
  return useLanguage().catalogueUrl;
}
