// The root layout: language and theme from cookies (server-rendered, no flash), the Korean-first
// font (Pretendard) and the code font (JetBrains Mono), both bundled (no font CDN), the header with
// language, theme and account controls.
import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { cookies } from "next/headers";
import Link from "next/link";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import "pretendard/dist/web/variable/pretendardvariable-dynamic-subset.css";
import "@fontsource-variable/jetbrains-mono/wght.css";
import "katex/dist/katex.min.css";
import "./globals.css";
import { SiteLocale } from "@/lib/i18n/locale";
import { parseTheme, THEME_COOKIE } from "@/lib/ui/theme";
import { currentUser } from "@/lib/server/viewer.server";
import { LocaleSwitcher } from "@/lib/ui/locale-switcher";
import { ThemeToggle } from "@/lib/ui/theme-toggle";
import { AccountMenu } from "@/lib/ui/account-menu";

export const metadata: Metadata = {
  title: { default: "Backprop Lab", template: "%s · Backprop Lab" },
  description: "Auto-graded exercises for the fundamentals of neural networks",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = SiteLocale.parse(await getLocale());
  const theme = parseTheme((await cookies()).get(THEME_COOKIE)?.value);
  const t = await getTranslations();
  const user = await currentUser();
  return (
    <html lang={locale} data-theme={theme}>
      <body>
        <NextIntlClientProvider>
          <a className="skip-link" href="#main">
            {t("site.skipToContent")}
          </a>
          <header className="site-header">
            <Link className="brand" href="/">
              {t("site.name")}
            </Link>
            <nav aria-label={t("nav.account")}>
              <LocaleSwitcher locale={locale} />
              <ThemeToggle theme={theme} />
              <AccountMenu user={user ? { name: user.name, email: user.email } : null} />
            </nav>
          </header>
          <main id="main" className="site-main">
            {children}
          </main>
          <footer className="site-footer">{t("site.footer")}</footer>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
