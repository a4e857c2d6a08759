// A section quiz: prompts and choices rendered on the server (Markdown + KaTeX, sanitized), with
// the learner's last answers and their results; each item is answered through the API. The rule
// for the explanation (after a correct answer or EXPLANATION_AFTER_TRIES tries) is stated here.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { EXPLANATION_AFTER_TRIES, loadCourse, toPublicQuiz } from "@/lib/server/grader";
import { SiteLocale } from "@/lib/i18n/locale";
import { renderMarkdown } from "@/lib/markdown/render";
import { renderQuizStateFor, type RenderedQuizFeedback } from "@/lib/ui/quiz/feedback.server";
import { QuizItemForm } from "@/lib/ui/quiz/quiz-item-form";
import { currentUser } from "@/lib/server/viewer.server";
import { renderQuizFeedback } from "./actions";

export const dynamic = "force-dynamic";

function findQuiz(id: string) {
  try {
    return loadCourse().quizzes.get(id) ?? null;
  } catch {
    return null;
  }
}

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const quiz = findQuiz((await params).id);
  const locale = SiteLocale.parse(await getLocale());
  return { title: quiz ? quiz.title[locale] : "Quiz" };
}

export default async function QuizPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const quiz = findQuiz(id);
  if (quiz === null) notFound();
  const locale = SiteLocale.parse(await getLocale());
  const t = await getTranslations("quiz");
  const user = await currentUser();
  const view = toPublicQuiz(quiz, locale);
  const answered = user === null ? new Map<string, RenderedQuizFeedback>() : await renderQuizStateFor(user.id, quiz.id, locale);
  const items = await Promise.all(
    view.items.map(async (item) => ({
      id: item.id,
      kind: item.kind,
      promptHtml: await renderMarkdown(item.prompt),
      choices: await Promise.all((item.choices ?? []).map(async (c) => ({ id: c.id, html: await renderMarkdown(c.text) }))),
    })),
  );
  return (
    <div className="stack" style={{ maxWidth: 820 }}>
      <h1>
        {t("title")}: {view.title}
      </h1>
      {user === null ? <p className="notice">{t("signInToAnswer")}</p> : null}
      <p className="muted" data-testid="quiz-explanation-rule">
        {t("explanationRule", { tries: EXPLANATION_AFTER_TRIES })}
      </p>
      <ol className="stack" style={{ paddingLeft: "1.25rem" }}>
        {items.map((item) => (
          <li key={item.id} className="card">
            <QuizItemForm
              quizId={view.id}
              item={item}
              signedIn={user !== null}
              locale={locale}
              initial={answered.get(item.id) ?? null}
              renderFeedback={renderQuizFeedback}
            />
          </li>
        ))}
      </ol>
    </div>
  );
}
