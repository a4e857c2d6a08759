// Data access for per-learner progress: one row per learner and exercise, updated in the same
// transaction that stores a graded verdict (lib/server/data/submissions.ts), so progress never
// disagrees with the submissions. Edit this file to change what progress records.
import type { Prisma } from "../../generated/prisma/client";
import { prisma } from "../db.server";

export interface ProgressRow {
  userId: string;
  exerciseId: string;
  status: "attempted" | "passed";
  bestScore: number;
  attempts: number;
  lastSubmissionId: string | null;
  passedAt: Date | null;
  updatedAt: Date;
}

/** The learner's progress on every exercise they have had graded, by exercise id. */
export async function selectProgressByUser(userId: string): Promise<ProgressRow[]> {
  return (await prisma()).progress.findMany({ where: { userId }, orderBy: { exerciseId: "asc" } });
}

/**
 * Records one graded submission: passed stays passed, the best score only rises, the first pass
 * keeps its time, and `attempts` rises only when `counted` (the code ran: see
 * grader/grading/attempts.ts). Called inside the transaction that finishes the submission.
 */
export async function recordGradedAttempt(
  tx: Prisma.TransactionClient,
  input: { userId: string; exerciseId: string; submissionId: string; passed: boolean; score: number; counted: boolean; at: Date },
): Promise<ProgressRow> {
  const key = { userId_exerciseId: { userId: input.userId, exerciseId: input.exerciseId } };
  const current = await tx.progress.findUnique({ where: key });
  if (current === null) {
    return tx.progress.create({
      data: {
        userId: input.userId,
        exerciseId: input.exerciseId,
        status: input.passed ? "passed" : "attempted",
        bestScore: input.score,
        attempts: input.counted ? 1 : 0,
        lastSubmissionId: input.submissionId,
        passedAt: input.passed ? input.at : null,
      },
    });
  }
  return tx.progress.update({
    where: key,
    data: {
      status: current.status === "passed" || input.passed ? "passed" : "attempted",
      bestScore: Math.max(current.bestScore, input.score),
      attempts: { increment: input.counted ? 1 : 0 },
      lastSubmissionId: input.submissionId,
      passedAt: current.passedAt ?? (input.passed ? input.at : null),
    },
  });
}
