// Data access for exercises and their versions. An exercise row appears the first time someone
// submits to it; a version row is one exact content of its folder (the grader's content hash),
// so every submission can name what it was graded against. Edit this file to add a query.
import { randomUUID } from "node:crypto";
import type { Prisma } from "../../generated/prisma/client";

type Tx = Prisma.TransactionClient;

export interface ExerciseVersionRow {
  id: string;
  exerciseId: string;
  contentHash: string;
  createdAt: Date;
}

/**
 * Makes sure the exercise row exists (submissions reference it). INSERT … ON CONFLICT DO NOTHING
 * cannot race: Prisma's upsert reads then inserts, so the first concurrent submissions of a new
 * exercise or version failed on the unique key (P2002).
 */
export async function ensureExercise(tx: Tx, exerciseId: string): Promise<void> {
  await tx.$executeRaw`INSERT INTO exercises (id) VALUES (${exerciseId}) ON CONFLICT (id) DO NOTHING`;
}

/** The version row for this content hash, created on first sight (race-free, as above). */
export async function ensureExerciseVersion(tx: Tx, exerciseId: string, contentHash: string): Promise<ExerciseVersionRow> {
  await ensureExercise(tx, exerciseId);
  await tx.$executeRaw`
    INSERT INTO exercise_versions (id, exercise_id, content_hash) VALUES (${randomUUID()}, ${exerciseId}, ${contentHash})
    ON CONFLICT (exercise_id, content_hash) DO NOTHING`;
  // After ON CONFLICT waited for a concurrent insert to commit, this statement's snapshot sees it.
  return tx.exerciseVersion.findUniqueOrThrow({ where: { exerciseId_contentHash: { exerciseId, contentHash } } });
}
