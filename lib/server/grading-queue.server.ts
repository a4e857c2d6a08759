// The grading queue. A submission is a row first (committed, so nothing a learner submits is
// lost), then the runner claims queued rows (FOR UPDATE SKIP LOCKED, so several runners can
// share one PostgreSQL; round-robin across users), holds each claim under a lease it renews
// while grading (a dead runner's rows are reclaimed when their lease expires: ADR 009), calls
// the grader, and writes the verdict under its claim. Listeners in this process hear every
// status change at once; other processes hear it through PostgreSQL NOTIFY and re-read the row,
// with a slow poll as a safety net (`watchSubmission`). See docs/scaling.md for running grading
// workers beside the web process.
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
  newRunnerName,
  notifySubmissionChanged,
  reclaimExpiredLeases,
  renewLeases,
  requeueSubmission,
  selectSubmissionById,
  type SubmissionLimits,
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
  /** How long a claim lasts without a heartbeat; a dead runner's rows are reclaimed after it (default 20 s). */
  leaseMs?: number;
  /** How often a live runner renews the leases of what it is grading, well under leaseMs (default 5 s). */
  heartbeatMs?: number;
  /** Running rows claimed before leases existed (no lease) are orphaned after this. */
  staleAfterMs: number;
  /** How often to look for work queued by other processes and for expired leases. */
  pollIntervalMs: number;
  /** Pause before a failed submission goes back to the queue, times the runs it used. */
  retryDelayMs: number;
  /** True when this is the only runner (embedded mode): every running row at start is orphaned. */
  soleRunner: boolean;
  /** Per-user limits checked when a submission is enqueued; none when undefined. */
  limits?: SubmissionLimits;
  /** Names this runner in lease owners (host:pid:random by default). */
  runnerName?: string;
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
  private heartbeat: NodeJS.Timeout | undefined;
  private readonly inFlight = new Set<Promise<void>>();
  /** Lease owner → submission id of every claim this runner is grading. */
  private readonly claims = new Map<string, string>();
  private readonly runnerName: string;
  private readonly leaseMs: number;
  private readonly heartbeatMs: number;
  private heartbeatLost = false;

  constructor(options: GradingQueueOptions) {
    this.options = options;
    // Every open SSE stream is one listener; the default limit of 10 would only warn.
    this.events.setMaxListeners(0);
    this.runnerName = options.runnerName ?? newRunnerName();
    this.leaseMs = options.leaseMs ?? 20_000;
    this.heartbeatMs = options.heartbeatMs ?? 5_000;
  }

  /** Reclaims orphaned rows, then grades until stopped. Idempotent. */
  async start(): Promise<void> {
    if (this.started) return;
    this.started = true;
    this.stopped = false;
    this.startHeartbeat();
    await this.recover(this.options.soleRunner);
    this.timer = setInterval(() => {
      void this.recover(false).then(() => this.pump());
    }, this.options.pollIntervalMs);
    this.timer.unref();
    await this.pump();
  }

  /** Stops claiming new work and waits for the submissions being graded (their leases renewed until done). */
  async stop(): Promise<void> {
    this.stopped = true;
    this.started = false;
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
    await Promise.allSettled([...this.inFlight]);
    this.stopHeartbeat();
  }

  /**
   * Stops heartbeating without stopping grading: what a runner that hangs or loses the database
   * looks like to the others. For tests and the fault bench only.
   */
  simulateLostHeartbeat(): void {
    this.stopHeartbeat();
    this.heartbeatLost = true;
  }

  private startHeartbeat(): void {
    if (this.heartbeat !== undefined || this.heartbeatLost) return;
    this.heartbeat = setInterval(() => void this.renew(), this.heartbeatMs);
    this.heartbeat.unref();
  }

  private stopHeartbeat(): void {
    if (this.heartbeat !== undefined) clearInterval(this.heartbeat);
    this.heartbeat = undefined;
  }

  /** The heartbeat: renews the lease of every claim being graded here. */
  private async renew(): Promise<void> {
    if (this.claims.size === 0) return;
    const owners = [...this.claims.keys()];
    try {
      const held = await renewLeases(owners, this.leaseMs);
      for (const owner of owners) {
        const id = this.claims.get(owner);
        if (!held.has(owner) && id !== undefined && this.claims.has(owner)) {
          // Finished meanwhile, or expired and reclaimed: either way nothing to renew any more.
          this.claims.delete(owner);
          const row = await selectSubmissionById(id);
          if (row?.status === "queued" || (row?.status === "running" && row.leaseOwner !== owner)) {
            this.options.log(`grading queue: lost the lease of ${id} (it expired and was reclaimed); this runner will not store its verdict`);
          }
        }
      }
    } catch (error) {
      this.options.log("grading queue: could not renew leases", error);
    }
  }

  /** Stores the submission (committed before anything else happens), then wakes the runner. */
  async enqueue(input: {
    userId: string;
    exerciseId: string;
    code: string;
    locale: GradeLocale;
    exerciseVersion?: string;
    idempotencyKey?: string;
    requestHash?: string;
  }): Promise<SubmissionRow> {
    const row = await insertSubmission({ ...input, ...(this.options.limits === undefined ? {} : { limits: this.options.limits }) });
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

  private async recover(everyRunning: boolean): Promise<void> {
    try {
      const { requeued, failed, ids } = await reclaimExpiredLeases({
        maxRuns: this.options.maxRuns,
        everyRunning,
        unleasedStartedBefore: new Date(Date.now() - this.options.staleAfterMs),
      });
      if (requeued + failed > 0) this.options.log(`grading queue: requeued ${requeued} interrupted submission(s), gave up on ${failed}`);
      // Watchers in every process hear that these rows changed.
      for (const id of ids) {
        const row = await selectSubmissionById(id);
        if (row !== null) this.emit(row);
      }
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
          const row = await claimNextQueuedSubmission({ runner: this.runnerName, leaseMs: this.leaseMs });
          if (row === null) break;
          if (row.leaseOwner !== null) this.claims.set(row.leaseOwner, row.id);
          this.startHeartbeat();
          this.active += 1;
          const job = this.grade(row).finally(() => {
            if (row.leaseOwner !== null) this.claims.delete(row.leaseOwner);
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
    const claim = row.leaseOwner === null ? {} : { leaseOwner: row.leaseOwner };
    const locale: GradeLocale = row.locale === "en" ? "en" : "ko";
    try {
      let raw: unknown;
      try {
        raw = await this.options.grade({ exerciseId: row.exerciseId, code: row.code, seed: row.seed, locale });
      } catch (error) {
        await this.graderFailed(row, `grader crashed: ${error instanceof Error ? error.message : String(error)}`, null, claim);
        return;
      }
      const verdict = VerdictRecord.safeParse(raw);
      if (!verdict.success) {
        await this.graderFailed(row, `grader returned an invalid verdict: ${verdict.error.issues[0]?.message ?? "unknown"}`, null, claim);
        return;
      }
      if (verdict.data.graderError === true) {
        await this.graderFailed(row, verdict.data.error?.message ?? "the grader failed", verdict.data, claim);
        return;
      }
      const outcome = await finishSubmission(row.id, verdict.data, claim);
      if (outcome.row !== null) this.emit(outcome.row);
    } catch (error) {
      // The database failed while storing the result: the row stays running, its lease is no
      // longer renewed once this job ends, and it goes back to the queue when the lease expires.
      this.options.log(`grading queue: could not store the result of ${row.id}`, error);
    }
  }

  /** Retry policy: a grader failure requeues the submission until it has used maxRuns runs. */
  private async graderFailed(row: SubmissionRow, reason: string, verdict: VerdictRecord | null, claim: { leaseOwner?: string }): Promise<void> {
    if (row.gradingRuns < this.options.maxRuns) {
      await sleep(this.options.retryDelayMs * row.gradingRuns);
      if (await requeueSubmission(row.id, reason, claim)) {
        const requeued = await selectSubmissionById(row.id);
        if (requeued !== null) this.emit(requeued);
      }
      return;
    }
    const outcome = await failSubmission(row.id, reason, verdict, claim);
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
    leaseMs: env.BACKPROP_GRADING_LEASE_SECONDS * 1000,
    heartbeatMs: env.BACKPROP_GRADING_HEARTBEAT_SECONDS * 1000,
    staleAfterMs: env.BACKPROP_GRADING_STALE_SECONDS * 1000,
    pollIntervalMs: 1000,
    retryDelayMs: 2000,
    soleRunner: env.DATABASE_URL === undefined,
    limits: {
      maxPending: env.BACKPROP_SUBMISSIONS_MAX_PENDING,
      perWindow: env.BACKPROP_SUBMISSIONS_PER_MINUTE,
      windowSeconds: 60,
    },
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
