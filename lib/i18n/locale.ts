// Which language to show: the `locale` cookie when the learner chose one, otherwise the best
// match in Accept-Language, otherwise Korean (most of our learners). Pure, shared by the server
// request config and the language switcher.
import { z } from "zod";

export const LOCALES = ["ko", "en"] as const;
export const SiteLocale = z.enum(LOCALES);
export type SiteLocale = z.infer<typeof SiteLocale>;
export const DEFAULT_LOCALE: SiteLocale = "ko";
export const LOCALE_COOKIE = "locale";

/** Picks the first supported language in an Accept-Language header, by q-value. */
export function localeFromAcceptLanguage(header: string | null | undefined): SiteLocale | null {
  if (!header) return null;
  const ranked = header
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
      return { tag: tag.trim().toLowerCase(), q: q === undefined ? 1 : Number(q), index };
    })
    .filter((entry) => entry.tag !== "" && Number.isFinite(entry.q) && entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of ranked) {
    const primary = tag.split("-")[0];
    const match = SiteLocale.safeParse(primary);
    if (match.success) return match.data;
  }
  return null;
}

export function resolveLocale(cookie: string | undefined, acceptLanguage: string | null | undefined): SiteLocale {
  const chosen = SiteLocale.safeParse(cookie);
  if (chosen.success) return chosen.data;
  return localeFromAcceptLanguage(acceptLanguage) ?? DEFAULT_LOCALE;
}
