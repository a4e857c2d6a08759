// Data access for quiz answers: every answer a learner gives, graded, kept (never overwritten)
// so the catalog can tell which items they have got right. Edit this file to add a query.
import type { z } from "zod";
import { QuizAnswerBody } from "../api/contract";
import { prisma } from "../db.server";

/** An answer as the API accepts it (validated again when read back from the JSON column). */
export const QuizAnswerValue = QuizAnswerBody.shape.answer;
export type QuizAnswerValue = z.infer<typeof QuizAnswerValue>;

export interface QuizAnswerRow {
  id: string;
  userId: string;
  quizId: string;
  itemId: string;
  answer: QuizAnswerValue | null;
  correct: boolean;
  score: number;
  createdAt: Date;
}

export async function insertQuizAnswer(input: {
  userId: string;
  quizId: string;
  itemId: string;
  answer: QuizAnswerValue;
  correct: boolean;
  score: number;
}): Promise<QuizAnswerRow> {
  const answer = QuizAnswerValue.parse(input.answer);
  const row = await (await prisma()).quizAnswer.create({ data: { ...input, answer } });
  return toRow(row);
}

/** The learner's answers to one quiz, oldest first. */
export async function selectQuizAnswers(userId: string, quizId: string): Promise<QuizAnswerRow[]> {
  const rows = await (await prisma()).quizAnswer.findMany({ where: { userId, quizId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  return rows.map(toRow);
}

function toRow(row: { id: string; userId: string; quizId: string; itemId: string; answer: unknown; correct: boolean; score: number; createdAt: Date }): QuizAnswerRow {
  const answer = QuizAnswerValue.safeParse(row.answer);
  return { ...row, answer: answer.success ? answer.data : null };
}

/** One item's answers folded: the last stored answer, whether it was right, how many tries, and whether any was right. */
export interface QuizItemProgress {
  readonly last: QuizAnswerRow;
  readonly tries: number;
  readonly everCorrect: boolean;
}

/** The learner's progress on each answered item of a quiz, by item id. */
export async function selectQuizItemProgress(userId: string, quizId: string): Promise<Map<string, QuizItemProgress>> {
  const byItem = new Map<string, QuizItemProgress>();
  for (const row of await selectQuizAnswers(userId, quizId)) {
    const before = byItem.get(row.itemId);
    byItem.set(row.itemId, { last: row, tries: (before?.tries ?? 0) + 1, everCorrect: (before?.everCorrect ?? false) || row.correct });
  }
  return byItem;
}
