// Data access for submissions, and the state machine of grading:
//   insert → queued → (claim) running → done | error, and running → queued on a retry.
// Every transition is a conditional update, so a verdict written twice, or by a runner that
// lost its claim, changes nothing. Finishing a submission numbers the attempt and updates the
// learner's progress in one transaction. Edit this file to change how submissions are stored.
import { randomInt } from "node:crypto";
import type { Prisma, Submission } from "../../generated/prisma/client";
import { getDatabase, prisma } from "../db.server";
import { VerdictRecord } from "../verdict-record";
import { ensureExercise, ensureExerciseVersion } from "./exercises";
import { recordGradedAttempt } from "./progress";

export type SubmissionStatus = Submission["status"];

export interface SubmissionRow {
  id: string;
  userId: string;
  exerciseId: string;
  exerciseVersionId: string | null;
  code: string;
  locale: string;
  seed: number;
  status: SubmissionStatus;
  verdict: VerdictRecord | null;
  score: number | null;
  attempt: number | null;
  errorReason: string | null;
  gradingRuns: number;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  updatedAt: Date;
}

/** What a finishing write did: the row as it now is, or null when it changed nothing. */
export interface FinishOutcome {
  row: SubmissionRow | null;
}

function toRow(row: Submission): SubmissionRow {
  let verdict: VerdictRecord | null = null;
  if (row.verdict !== null) {
    const parsed = VerdictRecord.safeParse(row.verdict);
    if (parsed.success) verdict = parsed.data;
    else console.warn(`submission ${row.id}: the stored verdict does not match the Verdict contract; showing none`);
  }
  return { ...row, verdict };
}

/** The verdict as a JSON column value (plain JSON: what the column will give back). */
function asJson(verdict: VerdictRecord): Prisma.InputJsonValue {
  return JSON.parse(JSON.stringify(verdict)) as Prisma.InputJsonValue;
}

/** A seed for the hidden tests: fits PostgreSQL's int4 and the grader's 32-bit seeds. */
export function newSeed(): number {
  return randomInt(0, 2 ** 31 - 1);
}

/** Stores a submission as queued and returns it; committed when this resolves. */
export async function insertSubmission(input: {
  userId: string;
  exerciseId: string;
  code: string;
  locale: "ko" | "en";
  /** The exercise's content hash when submitted; replaced by the graded one when it finishes. */
  exerciseVersion?: string;
  seed?: number;
}): Promise<SubmissionRow> {
  const client = await prisma();
  const row = await client.$transaction(async (tx) => {
    let exerciseVersionId: string | null = null;
    if (input.exerciseVersion === undefined) await ensureExercise(tx, input.exerciseId);
    else exerciseVersionId = (await ensureExerciseVersion(tx, input.exerciseId, input.exerciseVersion)).id;
    return tx.submission.create({
      data: {
        userId: input.userId,
        exerciseId: input.exerciseId,
        exerciseVersionId,
        code: input.code,
        locale: input.locale,
        seed: input.seed ?? newSeed(),
      },
    });
  });
  return toRow(row);
}

export async function selectSubmissionById(id: string): Promise<SubmissionRow | null> {
  const row = await (await prisma()).submission.findUnique({ where: { id } });
  return row === null ? null : toRow(row);
}

/** The user's submissions, newest first (at most `limit`). */
export async function selectSubmissionsByUser(userId: string, options: { exerciseId?: string; limit?: number } = {}): Promise<SubmissionRow[]> {
  const rows = await (await prisma()).submission.findMany({
    where: { userId, ...(options.exerciseId === undefined ? {} : { exerciseId: options.exerciseId }) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: options.limit ?? 500,
  });
  return rows.map(toRow);
}

export async function countQueuedSubmissions(): Promise<number> {
  return (await prisma()).submission.count({ where: { status: "queued" } });
}

/**
 * Claims the oldest queued submission for this runner: it becomes running and its grading run
 * is counted. SKIP LOCKED lets runners in several processes share one PostgreSQL without ever
 * claiming the same row. Null when nothing is queued.
 */
export async function claimNextQueuedSubmission(): Promise<SubmissionRow | null> {
  const client = await prisma();
  const claimed = await client.$queryRaw<{ id: string }[]>`
    UPDATE submissions
       SET status = 'running', started_at = now(), updated_at = now(), grading_runs = grading_runs + 1
     WHERE id = (SELECT id FROM submissions WHERE status = 'queued'
                 ORDER BY created_at, id LIMIT 1 FOR UPDATE SKIP LOCKED)
       AND status = 'queued'
    RETURNING id`;
  const id = claimed[0]?.id;
  return id === undefined ? null : selectSubmissionById(id);
}

/**
 * Stores the verdict of a running submission: done, its score, its attempt number (the
 * learner's next for this exercise), the exercise version it was graded against, and the
 * learner's progress. A submission that is not running (already finished, or requeued) is left
 * alone, so writing a verdict twice is harmless.
 */
export async function finishSubmission(id: string, verdict: VerdictRecord, now = new Date()): Promise<FinishOutcome> {
  const checked = VerdictRecord.parse(verdict);
  const client = await prisma();
  const row = await client.$transaction(async (tx) => {
    const current = await tx.submission.findUnique({ where: { id }, select: { userId: true, exerciseId: true } });
    if (current === null) return null;
    // One learner's verdicts are stored one at a time, so attempt numbers are dense and unique.
    await tx.$queryRaw`SELECT id FROM users WHERE id = ${current.userId} FOR UPDATE`;
    const running = await tx.submission.findFirst({ where: { id, status: "running" }, select: { id: true } });
    if (running === null) return null;
    const last = await tx.submission.aggregate({
      where: { userId: current.userId, exerciseId: current.exerciseId },
      _max: { attempt: true },
    });
    const attempt = (last._max.attempt ?? 0) + 1;
    const version = await ensureExerciseVersion(tx, current.exerciseId, checked.exerciseVersion);
    const updated = await tx.submission.update({
      where: { id },
      data: {
        status: "done",
        verdict: asJson(checked),
        score: checked.score,
        attempt,
        errorReason: null,
        exerciseVersionId: version.id,
        finishedAt: now,
      },
    });
    await recordGradedAttempt(tx, {
      userId: current.userId,
      exerciseId: current.exerciseId,
      submissionId: id,
      passed: checked.status === "pass",
      score: checked.score,
      at: now,
    });
    return updated;
  });
  return { row: row === null ? null : toRow(row) };
}

/**
 * Ends a queued or running submission in error with the reason (a grader failure, not the
 * learner's: no attempt is counted). The grader's own error verdict is kept when there is one.
 */
export async function failSubmission(id: string, reason: string, verdict: VerdictRecord | null, now = new Date()): Promise<FinishOutcome> {
  const client = await prisma();
  const { count } = await client.submission.updateMany({
    where: { id, status: { in: ["queued", "running"] } },
    data: {
      status: "error",
      errorReason: reason,
      attempt: null,
      finishedAt: now,
      ...(verdict === null ? {} : { verdict: asJson(VerdictRecord.parse(verdict)), score: verdict.score }),
    },
  });
  return { row: count === 0 ? null : await selectSubmissionById(id) };
}

/** Puts a running submission back in the queue after a grader failure; false if it was not running. */
export async function requeueSubmission(id: string, reason: string): Promise<boolean> {
  const { count } = await (await prisma()).submission.updateMany({
    where: { id, status: "running" },
    data: { status: "queued", errorReason: reason, startedAt: null },
  });
  return count > 0;
}

/**
 * Rows left running by a runner that died (started before `startedBefore`) go back to the
 * queue, or end in error once they have used `maxRuns` grading runs (a submission that keeps
 * killing its runner must not loop forever).
 */
export async function recoverStaleSubmissions(startedBefore: Date, maxRuns: number, now = new Date()): Promise<{ requeued: number; failed: number }> {
  const client = await prisma();
  const stale = { status: "running" as const, OR: [{ startedAt: null }, { startedAt: { lt: startedBefore } }] };
  const failed = await client.submission.updateMany({
    where: { ...stale, gradingRuns: { gte: maxRuns } },
    data: {
      status: "error",
      attempt: null,
      finishedAt: now,
      errorReason: `grading was interrupted ${maxRuns} times (the grader or the server stopped while grading it)`,
    },
  });
  const requeued = await client.submission.updateMany({
    where: { ...stale, gradingRuns: { lt: maxRuns } },
    data: { status: "queued", startedAt: null },
  });
  return { requeued: requeued.count, failed: failed.count };
}

/** The PostgreSQL NOTIFY channel on which a submission's id is sent when its row changes. */
export const SUBMISSION_CHANNEL = "backprop_submission";

/** Tells every process watching this submission that its row changed. */
export async function notifySubmissionChanged(id: string): Promise<void> {
  const { sql } = await getDatabase();
  await sql.query("SELECT pg_notify($1, $2)", [SUBMISSION_CHANNEL, id]);
}

/** Calls `onChange(id)` whenever any process notifies a change, until the returned function is called. */
export async function listenSubmissionChanges(onChange: (id: string) => void): Promise<() => Promise<void>> {
  const { sql } = await getDatabase();
  return sql.listen(SUBMISSION_CHANNEL, onChange);
}
