// POST /api/v1/quizzes/:quizId/items/:itemId/answers: grade a quiz answer, store it, and
// return the grade; the explanation and the right answer only once the item has been answered
// correctly or tried EXPLANATION_AFTER_TRIES times (grader/grading/quiz.ts decides both).
import { EXPLANATION_AFTER_TRIES, explanationUnlocked, gradeQuizAnswer } from "@/lib/server/grader";
import { QuizAnswerBody } from "@/lib/server/api/contract";
import { fail, handle, json, notFound, readJsonBody, requireViewer } from "@/lib/server/api/http";
import { courseSource } from "@/lib/server/course.server";
import { insertQuizAnswer, selectQuizItemProgress } from "@/lib/server/data/quiz-answers";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const MAX_ANSWER_BYTES = 16 * 1024;

export function POST(request: Request, context: { params: Promise<{ quizId: string; itemId: string }> }): Promise<Response> {
  return handle(async () => {
    const viewer = await requireViewer(request);
    const { quizId, itemId } = await context.params;
    const body = await readJsonBody(request, QuizAnswerBody, MAX_ANSWER_BYTES);
    let item;
    try {
      item = courseSource.findQuizItem(quizId, itemId);
    } catch (error) {
      console.warn("quiz answers: the course could not be loaded", error);
      fail(503, "course_unavailable", "The course content could not be loaded; please try again later.");
    }
    if (item === undefined) notFound("quiz item");
    const grade = gradeQuizAnswer(item, body.answer, body.locale ?? "ko");
    await insertQuizAnswer({ userId: viewer.user.id, quizId, itemId, answer: body.answer, correct: grade.correct, score: grade.score });
    const progress = (await selectQuizItemProgress(viewer.user.id, quizId)).get(itemId);
    const tries = progress?.tries ?? 1;
    const unlocked = explanationUnlocked({ everCorrect: progress?.everCorrect ?? grade.correct, tries });
    return json({
      ...grade,
      explanation: unlocked ? grade.explanation : null,
      correctAnswer: unlocked ? grade.correctAnswer : null,
      tries,
      explanationAfterTries: EXPLANATION_AFTER_TRIES,
    });
  });
}
