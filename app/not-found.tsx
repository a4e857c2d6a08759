// 404 for unknown pages, exercises and quizzes.
import Link from "next/link";
import { getTranslations } from "next-intl/server";

export default async function NotFound() {
  const t = await getTranslations("errors");
  return (
    <div className="stack">
      <h1>{t("notFoundTitle")}</h1>
      <Link href="/">{t("backToCatalog")}</Link>
    </div>
  );
}
