// The catalog: the course by section with this learner's status per exercise and quiz, progress
// per section and overall, and the suggested next step. Server-rendered.
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { SiteLocale } from "@/lib/i18n/locale";
import { loadCatalog } from "@/lib/server/catalog.server";
import { ProgressBar } from "@/lib/ui/progress-bar";
import { currentUser } from "@/lib/server/viewer.server";

export const dynamic = "force-dynamic";

export default async function CatalogPage() {
  const locale = SiteLocale.parse(await getLocale());
  const t = await getTranslations("catalog");
  const user = await currentUser();
  const catalog = await loadCatalog(locale, user?.id ?? null);
  return (
    <div className="stack">
      <h1>{t("title")}</h1>
      <section className="card stack" aria-labelledby="overall-heading">
        <h2 id="overall-heading" style={{ margin: 0 }}>
          {t("overall")}
        </h2>
        <ProgressBar solved={catalog.solved} total={catalog.total} label={t("overall")} />
        <p className="muted" style={{ margin: 0 }}>
          {t("progress", { solved: catalog.solved, total: catalog.total })}
          {user === null ? ` · ${t("signInToTrack")}` : ""}
        </p>
        <p style={{ margin: 0 }} data-testid="next-step">
          <strong>{t("next")}: </strong>
          {catalog.next ? (
            <Link href={catalog.next.href} prefetch={false}>
              {catalog.next.title} ({t(catalog.next.kind)})
            </Link>
          ) : (
            t("nextNone")
          )}
        </p>
      </section>
      {/* Links do not prefetch: exercise pages are dynamic and compute their examples on the server. */}
      <div className="catalog-sections">
        {catalog.sections.map((section) => (
          <section key={section.id} className="card" aria-labelledby={`section-${section.id}`}>
            <h2 id={`section-${section.id}`} style={{ marginTop: 0 }}>
              {section.title}
            </h2>
            {section.intro ? <div className="muted" dangerouslySetInnerHTML={{ __html: section.intro }} /> : null}
            <ProgressBar solved={section.solved} total={section.total} label={section.title} />
            <p className="muted" style={{ margin: "0.25rem 0" }}>
              {t("progress", { solved: section.solved, total: section.total })}
            </p>
            <ul className="catalog-items">
              {section.items.map((item) => (
                <li key={`${item.kind}-${item.id}`} data-testid={`catalog-${item.kind}-${item.id}`} data-status={item.status}>
                  <Link href={item.href} prefetch={false}>
                    {item.kind === "quiz" ? `${t("quiz")}: ` : ""}
                    {item.title}
                  </Link>
                  <span className={`badge ${item.status}`}>{t(`status.${item.status}`)}</span>
                  {item.quizScore && item.status === "attempted" ? (
                    <span className="muted" data-testid="catalog-quiz-score">
                      {t("quizScore", item.quizScore)}
                    </span>
                  ) : null}
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </div>
  );
}
