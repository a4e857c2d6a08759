// What a learner sees of their answers to a quiz, rendered on the server from the course's own
// (trusted) Markdown: per item, the last stored answer, whether it was right, the feedback on its
// picked choices, and the explanation only once the item was answered correctly or tried
// EXPLANATION_AFTER_TRIES times (issue 11: it gave the answer away after a wrong one). The quiz
// page restores every item from this after a reload; the server action renders one item after an
// answer. Nothing here renders text a request sent: items are found by quiz id + item id (issue 9,
// item 3). Edit when what is shown after answering changes.
import "server-only";
import { EXPLANATION_AFTER_TRIES, explanationUnlocked, gradeQuizAnswer, type Locale } from "@/grader/index";
import { courseSource } from "@/lib/server/course.server";
import { selectQuizItemProgress, type QuizAnswerValue, type QuizItemProgress } from "@/lib/server/data/quiz-answers";
import { renderMarkdown } from "@/lib/markdown/render";

export interface RenderedQuizFeedback {
  /** The learner's last answer, to show it again after a reload. */
  readonly answer: QuizAnswerValue;
  readonly correct: boolean;
  readonly tries: number;
  readonly explanationAfterTries: number;
  /** null until the item was answered correctly or tried explanationAfterTries times. */
  readonly explanationHtml: string | null;
  readonly feedback: readonly { readonly choice: string; readonly html: string }[];
}

// Course texts are few and fixed for the life of the process: render each once.
const rendered = new Map<string, Promise<string>>();
function renderCourseText(markdown: string): Promise<string> {
  let html = rendered.get(markdown);
  if (html === undefined) {
    html = renderMarkdown(markdown);
    rendered.set(markdown, html);
  }
  return html;
}

async function renderItem(quizId: string, itemId: string, progress: QuizItemProgress | undefined, locale: Locale): Promise<RenderedQuizFeedback | null> {
  const item = courseSource.findQuizItem(quizId, itemId);
  const answer = progress?.last.answer;
  if (item === undefined || progress === undefined || answer == null) return null;
  const grade = gradeQuizAnswer(item, answer, locale);
  const unlocked = explanationUnlocked(progress);
  const [explanationHtml, feedbackHtml] = await Promise.all([
    unlocked ? renderCourseText(grade.explanation) : null,
    Promise.all(grade.feedback.map((f) => renderCourseText(f.text))),
  ]);
  return {
    answer,
    correct: grade.correct,
    tries: progress.tries,
    explanationAfterTries: EXPLANATION_AFTER_TRIES,
    explanationHtml,
    feedback: grade.feedback.map((f, i) => ({ choice: f.choice, html: feedbackHtml[i] ?? "" })),
  };
}

/**
 * The rendered state of `userId`'s latest answer to the item, or null when the item does not
 * exist or the user has not answered it yet.
 */
export async function renderQuizFeedbackFor(userId: string, quizId: string, itemId: string, locale: Locale): Promise<RenderedQuizFeedback | null> {
  if (courseSource.findQuizItem(quizId, itemId) === undefined) return null;
  return renderItem(quizId, itemId, (await selectQuizItemProgress(userId, quizId)).get(itemId), locale);
}

/** The rendered state of every item of the quiz `userId` has answered, by item id. */
export async function renderQuizStateFor(userId: string, quizId: string, locale: Locale): Promise<Map<string, RenderedQuizFeedback>> {
  const progress = await selectQuizItemProgress(userId, quizId);
  const state = new Map<string, RenderedQuizFeedback>();
  for (const [itemId, item] of progress) {
    const view = await renderItem(quizId, itemId, item, locale);
    if (view !== null) state.set(itemId, view);
  }
  return state;
}
