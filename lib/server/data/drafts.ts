// Data access for drafts: the code a signed-in learner is writing, one row per learner and
// exercise, overwritten as they type. Edit this file to add a query on drafts.
import "server-only";
import { prisma } from "../db.server";

export interface DraftRow {
  userId: string;
  exerciseId: string;
  code: string;
  updatedAt: Date;
}

export async function selectDraft(userId: string, exerciseId: string): Promise<DraftRow | null> {
  return (await prisma()).draft.findUnique({ where: { userId_exerciseId: { userId, exerciseId } } });
}

export async function upsertDraft(userId: string, exerciseId: string, code: string): Promise<DraftRow> {
  return (await prisma()).draft.upsert({
    where: { userId_exerciseId: { userId, exerciseId } },
    create: { userId, exerciseId, code },
    update: { code },
  });
}
