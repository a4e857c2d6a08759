// next-intl's per-request configuration: the locale (lib/i18n/locale.ts) and its messages.
// Referenced by next.config.ts; every server component's getTranslations() goes through here.
import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { LOCALE_COOKIE, resolveLocale } from "./locale";
import en from "../../messages/en.json";
import ko from "../../messages/ko.json";

const MESSAGES = { ko, en } as const;

export default getRequestConfig(async () => {
  const [cookieStore, headerList] = await Promise.all([cookies(), headers()]);
  const locale = resolveLocale(cookieStore.get(LOCALE_COOKIE)?.value, headerList.get("accept-language"));
  return { locale, messages: MESSAGES[locale], timeZone: "Asia/Seoul" };
});
