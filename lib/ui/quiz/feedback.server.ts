// The explanation and choice feedback a learner sees after answering a quiz item, rendered on the
// server from the course's own (trusted) Markdown. Nothing here renders text a request sent: the
// item is found by quiz id + item id, the feedback is the one for the viewer's latest stored
// answer, so neither the explanation leaks before answering nor can a request make the server
// parse arbitrary Markdown (issue 9, item 3). Edit when the grade shown after answering changes.
import "server-only";
import { gradeQuizAnswer, type Locale } from "@/grader/index";
import { courseSource } from "@/lib/server/course.server";
import { selectQuizAnswers } from "@/lib/server/data/quiz-answers";
import { renderMarkdown } from "@/lib/markdown/render";

export interface RenderedQuizFeedback {
  readonly explanationHtml: string;
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

/**
 * The rendered explanation and feedback for `userId`'s latest answer to the item, or null when the
 * item does not exist or the user has not answered it yet.
 */
export async function renderQuizFeedbackFor(userId: string, quizId: string, itemId: string, locale: Locale): Promise<RenderedQuizFeedback | null> {
  const item = courseSource.findQuizItem(quizId, itemId);
  if (item === undefined) return null;
  const latest = (await selectQuizAnswers(userId, quizId)).filter((row) => row.itemId === itemId && row.answer !== null).at(-1);
  if (latest?.answer == null) return null;
  const grade = gradeQuizAnswer(item, latest.answer, locale);
  const [explanationHtml, ...feedbackHtml] = await Promise.all([renderCourseText(grade.explanation), ...grade.feedback.map((f) => renderCourseText(f.text))]);
  return {
    explanationHtml: explanationHtml ?? "",
    feedback: grade.feedback.map((f, i) => ({ choice: f.choice, html: feedbackHtml[i] ?? "" })),
  };
}
