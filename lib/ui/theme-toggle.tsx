// Light / dark / system toggle: sets data-theme on <html> at once and remembers the choice in a
// cookie so the next server render matches.
"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { ONE_YEAR_SECONDS, Theme, THEME_COOKIE, type Theme as ThemeName } from "./theme";

const ORDER: readonly ThemeName[] = ["system", "light", "dark"];

export function ThemeToggle({ theme }: { theme: ThemeName }) {
  const t = useTranslations("nav");
  const [current, setCurrent] = useState<ThemeName>(theme);
  const label = { system: t("themeSystem"), light: t("themeLight"), dark: t("themeDark") }[current];
  return (
    <button
      type="button"
      data-testid="theme-toggle"
      aria-label={`${t("theme")}: ${label}`}
      onClick={() => {
        const next = Theme.parse(ORDER[(ORDER.indexOf(current) + 1) % ORDER.length]);
        setCurrent(next);
        document.documentElement.dataset.theme = next;
        document.cookie = `${THEME_COOKIE}=${next}; path=/; max-age=${ONE_YEAR_SECONDS}; samesite=lax`;
        window.dispatchEvent(new CustomEvent("backprop-theme", { detail: next }));
      }}
    >
      <span aria-hidden="true">{current === "dark" ? "☾" : current === "light" ? "☀" : "◐"}</span>
      {label}
    </button>
  );
}
