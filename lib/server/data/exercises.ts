// Data access for exercises and their versions. An exercise row appears the first time someone
// submits to it; a version row is one exact content of its folder (the grader's content hash),
// so every submission can name what it was graded against. Edit this file to add a query.
import type { Prisma } from "../../generated/prisma/client";

type Tx = Prisma.TransactionClient;

export interface ExerciseVersionRow {
  id: string;
  exerciseId: string;
  contentHash: string;
  createdAt: Date;
}

/** Makes sure the exercise row exists (submissions reference it). */
export async function ensureExercise(tx: Tx, exerciseId: string): Promise<void> {
  await tx.exercise.upsert({ where: { id: exerciseId }, create: { id: exerciseId }, update: {} });
}

/** The version row for this content hash, created on first sight. */
export async function ensureExerciseVersion(tx: Tx, exerciseId: string, contentHash: string): Promise<ExerciseVersionRow> {
  await ensureExercise(tx, exerciseId);
  return tx.exerciseVersion.upsert({
    where: { exerciseId_contentHash: { exerciseId, contentHash } },
    create: { exerciseId, contentHash },
    update: {},
  });
}
