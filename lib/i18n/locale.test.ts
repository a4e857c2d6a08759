import { describe, expect, it } from "vitest";
import { localeFromAcceptLanguage, resolveLocale } from "./locale";

describe("resolveLocale", () => {
  it("prefers the cookie the learner chose", () => {
    expect(resolveLocale("en", "ko-KR,ko;q=0.9")).toBe("en");
    expect(resolveLocale("ko", "en-US")).toBe("ko");
  });

  it("ignores an unsupported cookie and falls back to Accept-Language", () => {
    expect(resolveLocale("fr", "en-GB,en;q=0.8")).toBe("en");
  });

  it("defaults to Korean when nothing matches", () => {
    expect(resolveLocale(undefined, "fr-FR,de;q=0.5")).toBe("ko");
    expect(resolveLocale(undefined, null)).toBe("ko");
  });
});

describe("localeFromAcceptLanguage", () => {
  it("orders by q-value, then by position", () => {
    expect(localeFromAcceptLanguage("fr;q=1, en;q=0.4, ko;q=0.7")).toBe("ko");
    expect(localeFromAcceptLanguage("en, ko")).toBe("en");
  });

  it("skips languages refused with q=0", () => {
    expect(localeFromAcceptLanguage("en;q=0, ko-KR;q=0.2")).toBe("ko");
  });
});
