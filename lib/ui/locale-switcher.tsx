// The language switcher: writes the locale cookie (remembered for a year) and re-renders the
// server components in the new language without a full reload.
"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useTransition } from "react";
import { LOCALE_COOKIE, SiteLocale, type SiteLocale as Locale } from "@/lib/i18n/locale";
import { ONE_YEAR_SECONDS } from "./theme";

const NAMES: Record<Locale, string> = { ko: "한국어", en: "English" };

export function LocaleSwitcher({ locale }: { locale: Locale }) {
  const t = useTranslations("nav");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <label className="row">
      <span className="sr-only">{t("language")}</span>
      <select
        aria-label={t("language")}
        value={locale}
        disabled={pending}
        data-testid="locale-switcher"
        onChange={(event) => {
          const next = SiteLocale.parse(event.target.value);
          document.cookie = `${LOCALE_COOKIE}=${next}; path=/; max-age=${ONE_YEAR_SECONDS}; samesite=lax`;
          document.documentElement.lang = next;
          startTransition(() => router.refresh());
        }}
      >
        {SiteLocale.options.map((option) => (
          <option key={option} value={option} lang={option}>
            {NAMES[option]}
          </option>
        ))}
      </select>
    </label>
  );
}
