// The grading queue. A submission is a row first (committed, so nothing a learner submits is
// lost), then the runner claims queued rows (FOR UPDATE SKIP LOCKED, so several runners can
// share one PostgreSQL), calls the grader, and writes the verdict idempotently. Listeners in
// this process hear every status change at once; other processes hear it through PostgreSQL
// NOTIFY and re-read the row, with a slow poll as a safety net (`watchSubmission`). See docs/scaling.md for running grading workers beside the web process.
// Edit this file to change the retry policy or how work is dispatched.
import { EventEmitter } from "node:events";
import { setTimeout as sleep } from "node:timers/promises";
import {
  claimNextQueuedSubmission,
  countQueuedSubmissions,
  failSubmission,
  finishSubmission,
  insertSubmission,
  listenSubmissionChanges,
  notifySubmissionChanged,
  recoverStaleSubmissions,
  requeueSubmission,
  selectSubmissionById,
  type SubmissionRow,
} from "./data/submissions";
import { getDatabase, type Database } from "./db.server";
import { serverEnv } from "./env.server";
import { VerdictRecord } from "./verdict-record";

export type GradeLocale = "ko" | "en";
export type GradeFunction = (input: { exerciseId: string; code: string; seed: number; locale: GradeLocale }) => Promise<unknown>;

export interface GradingQueueOptions {
  grade: GradeFunction;
  /** Submissions graded at the same time by this process (each occupies one sandbox worker). */
  concurrency: number;
  /** Grading runs a submission may use before a grader failure becomes its final status. */
  maxRuns: number;
  /** Running rows older than this are taken to be orphaned by a crashed runner. */
  staleAfterMs: number;
  /** How often to look for work queued by other processes and for orphaned rows. */
  pollIntervalMs: number;
  /** Pause before a failed submission goes back to the queue, times the runs it used. */
  retryDelayMs: number;
  /** True when this is the only runner (embedded mode): every running row at start is orphaned. */
  soleRunner: boolean;
  log: (message: string, error?: unknown) => void;
}

export type SubmissionListener = (row: SubmissionRow) => void;

export class GradingQueue {
  private readonly options: GradingQueueOptions;
  private readonly events = new EventEmitter();
  private active = 0;
  private pumping = false;
  private pumpAgain = false;
  private started = false;
  private stopped = false;
  private timer: NodeJS.Timeout | undefined;
  private readonly inFlight = new Set<Promise<void>>();

  constructor(options: GradingQueueOptions) {
    this.options = options;
    // Every open SSE stream is one listener; the default limit of 10 would only warn.
    this.events.setMaxListeners(0);
  }

  /** Recovers orphaned rows, then grades until stopped. Idempotent. */
  async start(): Promise<void> {
    if (this.started) return;
    this.started = true;
    this.stopped = false;
    await this.recover(this.options.soleRunner ? new Date() : new Date(Date.now() - this.options.staleAfterMs));
    this.timer = setInterval(() => {
      void this.recover(new Date(Date.now() - this.options.staleAfterMs)).then(() => this.pump());
    }, this.options.pollIntervalMs);
    this.timer.unref();
    await this.pump();
  }

  /** Stops claiming new work and waits for the submissions being graded. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.started = false;
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
    await Promise.allSettled([...this.inFlight]);
  }

  /** Stores the submission (committed before anything else happens), then wakes the runner. */
  async enqueue(input: { userId: string; exerciseId: string; code: string; locale: GradeLocale; exerciseVersion?: string }): Promise<SubmissionRow> {
    const row = await insertSubmission(input);
    this.emit(row);
    if (this.started) void this.pump();
    return row;
  }

  subscribe(submissionId: string, listener: SubmissionListener): () => void {
    this.events.on(submissionId, listener);
    return () => this.events.off(submissionId, listener);
  }

  /** Grades until nothing is queued or running here (the CLI's one-shot mode, and tests). */
  async drain(): Promise<void> {
    for (;;) {
      await this.pump(true);
      if (this.inFlight.size === 0 && (await countQueuedSubmissions()) === 0) return;
      await Promise.race([...this.inFlight, sleep(20)]);
    }
  }

  private async recover(startedBefore: Date): Promise<void> {
    try {
      const { requeued, failed } = await recoverStaleSubmissions(startedBefore, this.options.maxRuns);
      if (requeued + failed > 0) this.options.log(`grading queue: requeued ${requeued} interrupted submission(s), gave up on ${failed}`);
    } catch (error) {
      this.options.log("grading queue: recovery failed", error);
    }
  }

  private async pump(evenIfNotStarted = false): Promise<void> {
    if (this.pumping) {
      this.pumpAgain = true;
      return;
    }
    this.pumping = true;
    try {
      do {
        this.pumpAgain = false;
        while ((this.started || evenIfNotStarted) && !this.stopped && this.active < this.options.concurrency) {
          const row = await claimNextQueuedSubmission();
          if (row === null) break;
          this.active += 1;
          const job = this.grade(row).finally(() => {
            this.active -= 1;
            this.inFlight.delete(job);
            if (this.started) void this.pump();
          });
          this.inFlight.add(job);
        }
      } while (this.pumpAgain && !this.stopped);
    } catch (error) {
      this.options.log("grading queue: could not claim work", error);
    } finally {
      this.pumping = false;
    }
  }

  private async grade(row: SubmissionRow): Promise<void> {
    this.emit(row);
    const locale: GradeLocale = row.locale === "en" ? "en" : "ko";
    try {
      let raw: unknown;
      try {
        raw = await this.options.grade({ exerciseId: row.exerciseId, code: row.code, seed: row.seed, locale });
      } catch (error) {
        await this.graderFailed(row, `grader crashed: ${error instanceof Error ? error.message : String(error)}`, null);
        return;
      }
      const verdict = VerdictRecord.safeParse(raw);
      if (!verdict.success) {
        await this.graderFailed(row, `grader returned an invalid verdict: ${verdict.error.issues[0]?.message ?? "unknown"}`, null);
        return;
      }
      if (verdict.data.graderError === true) {
        await this.graderFailed(row, verdict.data.error?.message ?? "the grader failed", verdict.data);
        return;
      }
      const outcome = await finishSubmission(row.id, verdict.data);
      if (outcome.row !== null) this.emit(outcome.row);
    } catch (error) {
      // The database failed while storing the result: the row stays running and the stale-row
      // recovery puts it back in the queue.
      this.options.log(`grading queue: could not store the result of ${row.id}`, error);
    }
  }

  /** Retry policy: a grader failure requeues the submission until it has used maxRuns runs. */
  private async graderFailed(row: SubmissionRow, reason: string, verdict: VerdictRecord | null): Promise<void> {
    if (row.gradingRuns < this.options.maxRuns) {
      await sleep(this.options.retryDelayMs * row.gradingRuns);
      if (await requeueSubmission(row.id, reason)) {
        const requeued = await selectSubmissionById(row.id);
        if (requeued !== null) this.emit(requeued);
      }
      return;
    }
    const outcome = await failSubmission(row.id, reason, verdict);
    if (outcome.row !== null) this.emit(outcome.row);
  }

  private emit(row: SubmissionRow): void {
    this.events.emit(row.id, row);
    notifySubmissionChanged(row.id).catch((error: unknown) => this.options.log(`grading queue: could not notify a change of ${row.id}`, error));
  }
}

export function gradingQueueOptionsFromEnv(overrides: Partial<GradingQueueOptions> = {}): GradingQueueOptions {
  const env = serverEnv();
  return {
    // Loaded on first grading: the web process starts without the grading engine's modules.
    grade: async (input) => (await import("../../grader/index")).gradeSubmission(input),
    concurrency: env.BACKPROP_GRADING_CONCURRENCY,
    maxRuns: env.BACKPROP_GRADING_MAX_RUNS,
    staleAfterMs: env.BACKPROP_GRADING_STALE_SECONDS * 1000,
    pollIntervalMs: 1000,
    retryDelayMs: 2000,
    soleRunner: env.DATABASE_URL === undefined,
    log: (message, error) => {
      if (error === undefined) console.warn(message);
      else console.error(message, error);
    },
    ...overrides,
  };
}

const holder = globalThis as unknown as { backpropGradingQueue?: GradingQueue };

/** The process's queue (cached on globalThis so a dev hot reload does not start a second one). */
export function getGradingQueue(): GradingQueue {
  holder.backpropGradingQueue ??= new GradingQueue(gradingQueueOptionsFromEnv());
  return holder.backpropGradingQueue;
}

/** Installs a queue as the process's queue (tests, the grading worker). */
export function useGradingQueue(queue: GradingQueue): void {
  holder.backpropGradingQueue = queue;
}

const FINAL: ReadonlySet<SubmissionRow["status"]> = new Set(["done", "error"]);

/** Submission ids notified by any process (one LISTEN per database, shared by every watcher). */
const notified = new EventEmitter().setMaxListeners(0);
const listening = new WeakMap<Database, Promise<boolean>>();

/** Starts this process's LISTEN on the current database once; false if it could not. */
async function listenForChanges(): Promise<boolean> {
  const database = await getDatabase();
  let started = listening.get(database);
  if (started === undefined) {
    started = listenSubmissionChanges((id) => notified.emit(id)).then(
      () => true,
      (error: unknown) => {
        console.warn("grading queue: LISTEN failed; watching submissions by polling only", error);
        listening.delete(database);
        return false;
      },
    );
    listening.set(database, started);
  }
  return started;
}

/**
 * The submission's states as they change, ending with done or error (or when `signal` aborts).
 * Hears this process's queue at once and polls the database for runners in other processes.
 */
export async function* watchSubmission(
  id: string,
  options: { signal?: AbortSignal; pollIntervalMs?: number; queue?: GradingQueue } = {},
): AsyncGenerator<SubmissionRow> {
  const queue = options.queue ?? getGradingQueue();
  const pending: SubmissionRow[] = [];
  let wake: (() => void) | undefined;
  const unsubscribe = queue.subscribe(id, (row) => {
    pending.push(row);
    wake?.();
  });
  const onAbort = () => wake?.();
  options.signal?.addEventListener("abort", onAbort);
  // A NOTIFY from another process (a grading worker) says the row changed: read it again.
  let nudged = false;
  const onNotified = () => {
    nudged = true;
    wake?.();
  };
  notified.on(id, onNotified);
  try {
    const pushed = await listenForChanges();
    const pollIntervalMs = options.pollIntervalMs ?? (pushed ? 5000 : 1000);
    let last: string | undefined;
    let row = await selectSubmissionById(id);
    while (row !== null && options.signal?.aborted !== true) {
      if (row.status !== last) {
        last = row.status;
        yield row;
        if (FINAL.has(row.status)) return;
      }
      if (pending.length === 0 && !nudged) {
        await new Promise<void>((resolve) => {
          wake = resolve;
          setTimeout(resolve, pollIntervalMs).unref();
        });
        wake = undefined;
      }
      nudged = false;
      row = pending.shift() ?? (await selectSubmissionById(id));
    }
  } finally {
    unsubscribe();
    notified.off(id, onNotified);
    options.signal?.removeEventListener("abort", onAbort);
  }
}
