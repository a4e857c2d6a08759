// Loads what the catalog page needs: the course (exercises/course.json, or the exercise folders
// grouped by section while the course file is being written) and the viewer's progress.
import "server-only";
import { renderMarkdown } from "@/lib/markdown/render";
import { listExercises, loadCourse, type Course } from "@/grader/index";
import type { SiteLocale } from "@/lib/i18n/locale";
import { selectProgressByUser } from "@/lib/server/data/progress";
import { selectQuizAnswers } from "@/lib/server/data/quiz-answers";
import { buildCatalog, EMPTY_PROGRESS, type Catalog, type CatalogSectionInput, type LearnerProgress } from "@/lib/ui/catalog";

function tryLoadCourse(): Course | null {
  try {
    return loadCourse();
  } catch {
    // A broken course.json is reported by `lab check`; the site still lists the exercises.
    return null;
  }
}

export function courseSections(locale: SiteLocale): { sections: CatalogSectionInput[]; quizIds: string[] } {
  const exercises = listExercises();
  const titleOf = new Map(exercises.map((e) => [e.id, e.title[locale]]));
  const course = tryLoadCourse();
  if (course) {
    const sections = course.spec.sections.map((section) => {
      const quiz = section.quiz === null ? undefined : course.quizzes.get(section.quiz);
      return {
        id: section.id,
        title: section.title[locale],
        intro: section.intro[locale],
        exercises: section.exercises.map((id) => ({ id, title: titleOf.get(id) ?? id })),
        quiz: quiz ? { id: quiz.id, title: quiz.title[locale], itemCount: quiz.items.length } : null,
      };
    });
    return { sections, quizIds: [...course.quizzes.keys()] };
  }
  const bySection = new Map<string, { id: string; title: string; order: number }[]>();
  for (const e of exercises) {
    const list = bySection.get(e.section) ?? [];
    list.push({ id: e.id, title: e.title[locale], order: e.order });
    bySection.set(e.section, list);
  }
  const sections = [...bySection].map(([id, list]) => ({
    id,
    title: id.replace(/-/g, " "),
    intro: "",
    exercises: list.sort((a, b) => a.order - b.order).map(({ id: exerciseId, title }) => ({ id: exerciseId, title })),
    quiz: null,
  }));
  return { sections, quizIds: [] };
}

export async function learnerProgress(userId: string, quizIds: readonly string[]): Promise<LearnerProgress> {
  const rows = await selectProgressByUser(userId);
  const exercises = new Map<string, "passed" | "attempted">();
  for (const row of rows) {
    if (row.status === "passed" || row.status === "attempted") exercises.set(row.exerciseId, row.status);
  }
  const quizzes = new Map<string, { correctItems: Set<string>; answered: boolean }>();
  for (const quizId of quizIds) {
    const answers = await selectQuizAnswers(userId, quizId);
    quizzes.set(quizId, {
      answered: answers.length > 0,
      correctItems: new Set(answers.filter((a) => a.correct).map((a) => a.itemId)),
    });
  }
  return { exercises, quizzes };
}

export async function loadCatalog(locale: SiteLocale, userId: string | null): Promise<Catalog> {
  const course = courseSections(locale);
  const quizIds = course.quizIds;
  // Section intros are Markdown + LaTeX like the statements; the catalog shows them as HTML.
  const sections = await Promise.all(course.sections.map(async (s) => ({ ...s, intro: s.intro ? await renderMarkdown(s.intro) : "" })));
  const progress = userId === null ? EMPTY_PROGRESS : await learnerProgress(userId, quizIds);
  return buildCatalog(sections, progress);
}
