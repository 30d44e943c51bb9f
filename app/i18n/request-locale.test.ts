import { describe, expect, it } from "vitest";
import { localeFor } from "./request-locale.server";

// The language a request is answered in, in the order of precedence.

const request = (url: string, headers: Record<string, string> = {}) =>
  new Request(`http://localhost${url}`, { headers });

describe("localeFor", () => {
  it("takes the saved choice first, then a link's, then the cookie, then Accept-Language", () => {
    const all = request("/sign-in?lang=ru", {
      Cookie: "other=1; msq_lang=es",
      "Accept-Language": "fr-CH, fr;q=0.9",
    });
    expect(localeFor(all, { locale: "ar" })).toBe("ar");
    expect(localeFor(all, { locale: null })).toBe("ru");
    expect(localeFor(request("/sign-in", { Cookie: "msq_lang=es", "Accept-Language": "fr" }))).toBe(
      "es",
    );
    expect(localeFor(request("/sign-in", { "Accept-Language": "fr-CH, en;q=0.5" }))).toBe("fr");
    expect(localeFor(request("/sign-in"))).toBe("en");
  });

  it("ignores what is not one of the six languages", () => {
    const odd = request("/sign-in?lang=de", {
      Cookie: "msq_lang=xx",
      "Accept-Language": "de, zh;q=0.3",
    });
    expect(localeFor(odd, { locale: "klingon" })).toBe("zh");
  });
});
