// Data access for submissions, and the state machine of grading:
//   insert → queued → (claim) running → done | error, and running → queued on a retry or when
//   the claim's lease expires (docs/decisions/009-grading-leases.md).
// Every transition is a conditional update, so a verdict written twice, or by a runner that
// lost its claim, changes nothing. Finishing a submission numbers the attempt and updates the
// learner's progress in one transaction. Edit this file to change how submissions are stored.
import { randomInt, randomUUID } from "node:crypto";
import { hostname } from "node:os";
import type { Prisma, Submission } from "../../generated/prisma/client";
import { countsAsAttempt } from "../../../grader/index";
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
  leaseOwner: string | null;
  leaseExpiresAt: Date | null;
  idempotencyKey: string | null;
  requestHash: string | null;
}

/** A row in a list: what a history needs, without the code or the verdict (which can be large). */
export interface SubmissionSummaryRow {
  id: string;
  exerciseId: string;
  status: SubmissionStatus;
  /** The verdict's own status (pass, fail, error), null until there is a verdict. */
  result: "pass" | "fail" | "error" | null;
  score: number | null;
  attempt: number | null;
  errorReason: string | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
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

/** How many submissions one user may have waiting, and may make per window. */
export interface SubmissionLimits {
  /** Queued or running submissions of one user at a time. */
  maxPending: number;
  /** Submissions one user may make per window. */
  perWindow: number;
  windowSeconds: number;
}

/** Thrown by insertSubmission when the user is over a limit; nothing was stored. */
export class SubmissionLimitReached extends Error {
  constructor(
    readonly limit: "pending" | "rate",
    readonly retryAfterSeconds: number,
    message: string,
  ) {
    super(message);
    this.name = "SubmissionLimitReached";
  }
}

/** Thrown by insertSubmission when the user already used this Idempotency-Key; nothing was stored. */
export class IdempotencyKeyTaken extends Error {
  constructor(readonly key: string) {
    super(`the Idempotency-Key ${key} is already used by another submission of this user`);
    this.name = "IdempotencyKeyTaken";
  }
}

/** How long a client over the pending limit is asked to wait: about one grading. */
const PENDING_RETRY_AFTER_SECONDS = 5;

/** A unique violation (P2002) of the user+idempotency key index (named by index in PostgreSQL, by fields in PGlite). */
function isIdempotencyKeyViolation(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const { code, meta } = error as { code?: unknown; meta?: unknown };
  return code === "P2002" && JSON.stringify(meta ?? null).includes("idempotency_key");
}

/**
 * Stores a submission as queued and returns it; committed when this resolves. With `limits`,
 * the user's row is locked while their pending and recent submissions are counted, so two
 * concurrent requests cannot both slip under a limit (SubmissionLimitReached). With an
 * idempotency key already used by this user, throws IdempotencyKeyTaken.
 */
export async function insertSubmission(input: {
  userId: string;
  exerciseId: string;
  code: string;
  locale: "ko" | "en";
  /** The exercise's content hash when submitted; replaced by the graded one when it finishes. */
  exerciseVersion?: string;
  seed?: number;
  idempotencyKey?: string;
  requestHash?: string;
  limits?: SubmissionLimits;
}): Promise<SubmissionRow> {
  const client = await prisma();
  try {
    const row = await client.$transaction(async (tx) => {
      if (input.limits !== undefined) await assertUnderLimits(tx, input.userId, input.limits);
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
          idempotencyKey: input.idempotencyKey ?? null,
          requestHash: input.requestHash ?? null,
        },
      });
    });
    return toRow(row);
  } catch (error) {
    if (input.idempotencyKey !== undefined && isIdempotencyKeyViolation(error)) throw new IdempotencyKeyTaken(input.idempotencyKey);
    throw error;
  }
}

async function assertUnderLimits(tx: Prisma.TransactionClient, userId: string, limits: SubmissionLimits): Promise<void> {
  // One user's inserts are counted one at a time (the lock is released at commit).
  await tx.$queryRaw`SELECT id FROM users WHERE id = ${userId} FOR UPDATE`;
  const [counts] = await tx.$queryRaw<{ pending: number; recent: number; wait: number | null }[]>`
    SELECT count(*) FILTER (WHERE status IN ('queued', 'running'))::int AS pending,
           count(*) FILTER (WHERE created_at > now() - make_interval(secs => ${limits.windowSeconds}))::int AS recent,
           EXTRACT(EPOCH FROM (min(created_at) FILTER (WHERE created_at > now() - make_interval(secs => ${limits.windowSeconds}))
                               + make_interval(secs => ${limits.windowSeconds}) - now()))::float8 AS wait
      FROM submissions
     WHERE user_id = ${userId}
       AND (status IN ('queued', 'running') OR created_at > now() - make_interval(secs => ${limits.windowSeconds}))`;
  if (counts === undefined) return;
  if (counts.recent >= limits.perWindow) {
    const retryAfter = Math.max(1, Math.ceil(counts.wait ?? limits.windowSeconds));
    throw new SubmissionLimitReached(
      "rate",
      retryAfter,
      `Too many submissions: at most ${limits.perWindow} per ${limits.windowSeconds} s. Try again in ${retryAfter} s.`,
    );
  }
  if (counts.pending >= limits.maxPending) {
    throw new SubmissionLimitReached(
      "pending",
      PENDING_RETRY_AFTER_SECONDS,
      `You already have ${counts.pending} submissions waiting to be graded (at most ${limits.maxPending}). Submit again when one of them is graded.`,
    );
  }
}

/** The submission this user made with this Idempotency-Key, if any. */
export async function selectSubmissionByIdempotencyKey(userId: string, idempotencyKey: string): Promise<SubmissionRow | null> {
  const row = await (await prisma()).submission.findUnique({ where: { userId_idempotencyKey: { userId, idempotencyKey } } });
  return row === null ? null : toRow(row);
}

export async function selectSubmissionById(id: string): Promise<SubmissionRow | null> {
  const row = await (await prisma()).submission.findUnique({ where: { id } });
  return row === null ? null : toRow(row);
}

/** Where a page of a list ends: the (createdAt, id) of its last row. */
export interface SubmissionCursor {
  createdAt: Date;
  id: string;
}

/**
 * One page of the user's submissions, newest first, as summaries (no code, no verdict: a
 * learner with many large verdicts once made this 60 MB). `next` continues after the last row.
 */
export async function selectSubmissionsByUser(
  userId: string,
  options: { exerciseId?: string; limit: number; after?: SubmissionCursor },
): Promise<{ rows: SubmissionSummaryRow[]; next: SubmissionCursor | null }> {
  const after = options.after;
  const rows = await (await prisma()).submission.findMany({
    where: {
      userId,
      ...(options.exerciseId === undefined ? {} : { exerciseId: options.exerciseId }),
      ...(after === undefined ? {} : { OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }] }),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: options.limit + 1,
    select: {
      id: true,
      exerciseId: true,
      status: true,
      score: true,
      attempt: true,
      errorReason: true,
      createdAt: true,
      startedAt: true,
      finishedAt: true,
      // Only the verdict's status, read inside the database.
      verdict: false,
    },
  });
  const page = rows.slice(0, options.limit);
  const results = await verdictStatuses(page.map((row) => row.id));
  const last = page.at(-1);
  return {
    rows: page.map((row) => ({ ...row, result: results.get(row.id) ?? null })),
    next: rows.length > options.limit && last !== undefined ? { createdAt: last.createdAt, id: last.id } : null,
  };
}

/** verdict->>'status' of these submissions, without reading the verdicts into this process. */
async function verdictStatuses(ids: string[]): Promise<Map<string, "pass" | "fail" | "error">> {
  if (ids.length === 0) return new Map();
  const rows = await (await prisma()).$queryRaw<{ id: string; result: string | null }[]>`
    SELECT id, verdict->>'status' AS result FROM submissions WHERE id = ANY(${ids}::text[])`;
  const results = new Map<string, "pass" | "fail" | "error">();
  for (const row of rows) if (row.result === "pass" || row.result === "fail" || row.result === "error") results.set(row.id, row.result);
  return results;
}

export async function countQueuedSubmissions(): Promise<number> {
  return (await prisma()).submission.count({ where: { status: "queued" } });
}

/** The claim a runner holds on a running row: who, and for how long without a renewal. */
export interface LeaseRequest {
  /** Names the runner (host and process); each claim adds its own id to it. */
  runner: string;
  leaseMs: number;
}

/** A runner name for this process: host, pid and a random part (a pid can be reused). */
export function newRunnerName(): string {
  return `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
}

const defaultLease: LeaseRequest = { runner: "unnamed-runner", leaseMs: 30_000 };

/**
 * Claims the next queued submission for this runner: it becomes running under a lease (its
 * `leaseOwner`, valid until `leaseExpiresAt` unless renewed) and its grading run is counted.
 *
 * Fair order: round-robin across users. A row's turn is its place in its user's queue plus the
 * user's submissions already running; among equal turns the user served least recently goes
 * first, then the oldest row. So one user's backlog never holds another user's single
 * submission for more than one grading per runner. SKIP LOCKED lets runners in several
 * processes share one PostgreSQL without ever claiming the same row. Null when nothing is queued.
 */
export async function claimNextQueuedSubmission(lease: LeaseRequest = defaultLease): Promise<SubmissionRow | null> {
  const client = await prisma();
  const owner = `${lease.runner}/${randomUUID()}`;
  const claimed = await client.$queryRaw<{ id: string }[]>`
    WITH queued AS (
      SELECT id, user_id, row_number() OVER (PARTITION BY user_id ORDER BY created_at, id) AS turn
        FROM submissions WHERE status = 'queued'
    ), waiting_users AS (
      SELECT w.user_id,
             (SELECT count(*) FROM submissions r WHERE r.user_id = w.user_id AND r.status = 'running') AS running,
             (SELECT max(r.started_at) FROM submissions r WHERE r.user_id = w.user_id) AS last_started
        FROM (SELECT DISTINCT user_id FROM queued) w
    ), next AS (
      SELECT s.id
        FROM submissions s
        JOIN queued q ON q.id = s.id
        JOIN waiting_users u ON u.user_id = s.user_id
       WHERE s.status = 'queued'
       ORDER BY u.running + q.turn, u.last_started NULLS FIRST, s.created_at, s.id
       LIMIT 1
         FOR UPDATE OF s SKIP LOCKED
    )
    UPDATE submissions
       SET status = 'running', started_at = now(), updated_at = now(), grading_runs = grading_runs + 1,
           lease_owner = ${owner}, lease_expires_at = now() + make_interval(secs => ${lease.leaseMs / 1000})
     WHERE id = (SELECT id FROM next)
       AND status = 'queued'
    RETURNING id`;
  const id = claimed[0]?.id;
  return id === undefined ? null : selectSubmissionById(id);
}

/**
 * Renews the leases of the claims a live runner holds (its heartbeat). Returns the owners whose
 * lease was renewed; a missing one lost its row (it expired and was reclaimed, or finished).
 */
export async function renewLeases(owners: readonly string[], leaseMs: number): Promise<Set<string>> {
  if (owners.length === 0) return new Set();
  const rows = await (await prisma()).$queryRaw<{ lease_owner: string }[]>`
    UPDATE submissions
       SET lease_expires_at = now() + make_interval(secs => ${leaseMs / 1000})
     WHERE status = 'running' AND lease_owner = ANY(${[...owners]}::text[])
    RETURNING lease_owner`;
  return new Set(rows.map((row) => row.lease_owner));
}

/** The guard of a write by a runner: the row is still running under this runner's claim. */
function runningUnder(id: string, leaseOwner: string | undefined): Prisma.SubmissionWhereInput {
  return { id, status: "running", ...(leaseOwner === undefined ? {} : { leaseOwner }) };
}

/**
 * Stores the verdict of a running submission: done, its score, its attempt number (the
 * learner's next for this exercise), the exercise version it was graded against, and the
 * learner's progress. A submission that is not running (already finished, or requeued) is left
 * alone, so writing a verdict twice is harmless; with `leaseOwner`, so is a verdict from a runner
 * whose lease expired (the row was reclaimed, perhaps claimed again by another runner).
 */
export async function finishSubmission(id: string, verdict: VerdictRecord, options: { leaseOwner?: string; now?: Date } = {}): Promise<FinishOutcome> {
  const now = options.now ?? new Date();
  const checked = VerdictRecord.parse(verdict);
  const client = await prisma();
  const row = await client.$transaction(async (tx) => {
    const current = await tx.submission.findUnique({ where: { id }, select: { userId: true, exerciseId: true } });
    if (current === null) return null;
    // One learner's verdicts are stored one at a time, so attempt numbers are dense and unique.
    await tx.$queryRaw`SELECT id FROM users WHERE id = ${current.userId} FOR UPDATE`;
    const running = await tx.submission.findFirst({ where: runningUnder(id, options.leaseOwner), select: { id: true } });
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
        leaseOwner: null,
        leaseExpiresAt: null,
      },
    });
    await recordGradedAttempt(tx, {
      userId: current.userId,
      exerciseId: current.exerciseId,
      submissionId: id,
      passed: checked.status === "pass",
      score: checked.score,
      counted: countsAsAttempt(checked),
      at: now,
    });
    return updated;
  });
  return { row: row === null ? null : toRow(row) };
}

/**
 * Ends a queued or running submission in error with the reason (a grader failure, not the
 * learner's: no attempt is counted). The grader's own error verdict is kept when there is one.
 * With `leaseOwner`, only while the row is running under that claim.
 */
export async function failSubmission(
  id: string,
  reason: string,
  verdict: VerdictRecord | null,
  options: { leaseOwner?: string; now?: Date } = {},
): Promise<FinishOutcome> {
  const client = await prisma();
  const { count } = await client.submission.updateMany({
    where: options.leaseOwner === undefined ? { id, status: { in: ["queued", "running"] } } : runningUnder(id, options.leaseOwner),
    data: {
      status: "error",
      errorReason: reason,
      attempt: null,
      finishedAt: options.now ?? new Date(),
      leaseOwner: null,
      leaseExpiresAt: null,
      ...(verdict === null ? {} : { verdict: asJson(VerdictRecord.parse(verdict)), score: verdict.score }),
    },
  });
  return { row: count === 0 ? null : await selectSubmissionById(id) };
}

/** Puts a running submission back in the queue after a grader failure; false if it was not running (under `leaseOwner`). */
export async function requeueSubmission(id: string, reason: string, options: { leaseOwner?: string } = {}): Promise<boolean> {
  const { count } = await (await prisma()).submission.updateMany({
    where: runningUnder(id, options.leaseOwner),
    data: { status: "queued", errorReason: reason, startedAt: null, leaseOwner: null, leaseExpiresAt: null },
  });
  return count > 0;
}

/**
 * Reclaims running rows whose runner stopped renewing its lease (it died, hung, or lost the
 * database): they go back to the queue, or end in error once they have used `maxRuns` grading
 * runs (a submission that keeps killing its runner must not loop forever). Lease times are the
 * database's clock, so runners on machines with skewed clocks agree. `everyRunning` reclaims all
 * running rows (the sole runner of an embedded database, at start-up); rows claimed before
 * leases existed (no lease) are reclaimed once started before `unleasedStartedBefore`.
 */
export async function reclaimExpiredLeases(options: {
  maxRuns: number;
  everyRunning?: boolean;
  unleasedStartedBefore?: Date;
}): Promise<{ requeued: number; failed: number; ids: string[] }> {
  const client = await prisma();
  const everyRunning = options.everyRunning === true;
  const unleasedBefore = options.unleasedStartedBefore ?? new Date(0);
  const rows = await client.$queryRaw<{ id: string; requeued: boolean }[]>`
    UPDATE submissions
       SET status = CASE WHEN grading_runs >= ${options.maxRuns} THEN 'error'::"SubmissionStatus" ELSE 'queued'::"SubmissionStatus" END,
           attempt = NULL,
           finished_at = CASE WHEN grading_runs >= ${options.maxRuns} THEN now() ELSE NULL END,
           error_reason = CASE WHEN grading_runs >= ${options.maxRuns}
                               THEN ${`grading was interrupted ${options.maxRuns} times (the grader or the server stopped while grading it)`}
                               ELSE error_reason END,
           started_at = NULL, lease_owner = NULL, lease_expires_at = NULL, updated_at = now()
     WHERE status = 'running'
       AND (${everyRunning}
            OR lease_expires_at < now()
            OR (lease_expires_at IS NULL AND (started_at IS NULL OR started_at < ${unleasedBefore})))
    RETURNING id, status = 'queued' AS requeued`;
  const requeued = rows.filter((row) => row.requeued).length;
  return { requeued, failed: rows.length - requeued, ids: rows.map((row) => row.id) };
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
