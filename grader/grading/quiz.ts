// Grades one answer to one quiz item and explains it. Pure and synchronous: the API route
// validates the request body with `QuizAnswer` (grader/exercise/quiz.ts), finds the item with
// `loadCourse()` and calls `gradeQuizAnswer`. Edit when a quiz item kind is added or the credit
// rules change (and keep the rules below in sync with the tests).
//
// Credit rules:
// - multiple-choice: 1 for the right choice, else 0.
// - numeric: 1 when |value − answer| ≤ absolute or ≤ relative·|answer|, else 0; NaN/∞ are wrong.
// - multiple-answer: `correct` only for the exact set. Partial credit is
//   max(0, (right picks − wrong picks) / number of right choices): each wrong pick cancels a right
//   one, so ticking every box earns less than the right set (nothing when half the choices are
//   wrong), and one slip on a large set still earns some credit.
// - an answer of another kind than the item (a number for a choice item) is wrong, score 0.
//
// What a learner is shown (issue 11: the explanation after a wrong answer gave the answer away):
// the feedback on the picked choices at once; the explanation and the right answer only once the
// item has been answered correctly, or after EXPLANATION_AFTER_TRIES tries (stated on the page).
import type { Locale, QuizAnswer, QuizItem } from "../exercise/quiz";

/** Tries after which the explanation and the right answer are shown even without a correct answer. */
export const EXPLANATION_AFTER_TRIES = 3;

/** Whether the explanation may be shown: the item was answered correctly once, or tried enough. */
export function explanationUnlocked(progress: { readonly everCorrect: boolean; readonly tries: number }): boolean {
  return progress.everCorrect || progress.tries >= EXPLANATION_AFTER_TRIES;
}

export interface QuizGrade {
  readonly correct: boolean;
  /** Credit in [0, 1]. */
  readonly score: number;
  /** The item's explanation, in the requested locale; always given, right or wrong. */
  readonly explanation: string;
  /** The right answer: choice ids (for highlighting) or the number, and how to show it. */
  readonly correctAnswer: { readonly value: string | readonly string[] | number; readonly text: string };
  /** Feedback on each picked choice that has some, in the order of the choices. */
  readonly feedback: readonly { readonly choice: string; readonly text: string }[];
}

function choiceFeedback(
  item: Extract<QuizItem, { kind: "multiple-choice" | "multiple-answer" }>,
  picked: ReadonlySet<string>,
  locale: Locale,
): QuizGrade["feedback"] {
  return item.choices
    .filter((c) => picked.has(c.id) && c.feedback !== undefined)
    .map((c) => ({ choice: c.id, text: c.feedback?.[locale] ?? "" }));
}

function choiceText(item: Extract<QuizItem, { kind: "multiple-choice" | "multiple-answer" }>, ids: readonly string[], locale: Locale): string {
  return item.choices
    .filter((c) => ids.includes(c.id))
    .map((c) => c.text[locale])
    .join("; ");
}

export function gradeQuizAnswer(item: QuizItem, answer: QuizAnswer, locale: Locale): QuizGrade {
  const explanation = item.explanation[locale];
  switch (item.kind) {
    case "multiple-choice": {
      const correctAnswer = { value: item.answer, text: choiceText(item, [item.answer], locale) };
      const picked = answer.kind === "multiple-choice" ? answer.choice : null;
      const correct = picked === item.answer;
      const feedback = picked === null ? [] : choiceFeedback(item, new Set([picked]), locale);
      return { correct, score: correct ? 1 : 0, explanation, correctAnswer, feedback };
    }
    case "multiple-answer": {
      const correctAnswer = { value: item.answers, text: choiceText(item, item.answers, locale) };
      // A choice id that is not in the item counts as a wrong pick: it was not a right one.
      const picked = new Set(answer.kind === "multiple-answer" ? answer.choices : []);
      const right = new Set(item.answers);
      let rightPicks = 0;
      let wrongPicks = 0;
      for (const id of picked) {
        if (right.has(id)) rightPicks += 1;
        else wrongPicks += 1;
      }
      const correct = answer.kind === "multiple-answer" && wrongPicks === 0 && rightPicks === right.size;
      const score = correct ? 1 : Math.max(0, (rightPicks - wrongPicks) / right.size);
      return { correct, score, explanation, correctAnswer, feedback: choiceFeedback(item, picked, locale) };
    }
    case "numeric": {
      const correctAnswer = { value: item.answer, text: String(item.answer) };
      const value = answer.kind === "numeric" ? answer.value : Number.NaN;
      const error = Math.abs(value - item.answer);
      // `error <= …` is false for NaN, so a non-finite answer is never accepted.
      const correct =
        Number.isFinite(value) &&
        (error <= item.tolerance.absolute || error <= item.tolerance.relative * Math.abs(item.answer));
      return { correct, score: correct ? 1 : 0, explanation, correctAnswer, feedback: [] };
    }
  }
}
