// The pool of pre-forked grader worker processes. Every job runs in a worker, never in the
// caller's process, compile included (the worker compiles under the compile budgets): the pool
// validates each job, queues it, hands it to an idle warm worker (sandbox-worker.ts owns each
// process: its start, budgets and kill), turns a crashed or misbehaving worker into a grader
// error (never a pass) and replaces it. Workers are retired after `recycleAfter` jobs or after
// any limit breach; folders that dead workers of an earlier host process left behind are removed
// at start. Edit when scheduling or replacement rules change.
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { buildRuntimeBundle, buildWorkerScript } from "./assets";
import {
  type ModuleJob,
  ModuleJobSchema,
  type ModuleOutcome,
  type SandboxJob,
  SandboxJobSchema,
  type SandboxOutcome,
  type WorkerJob,
} from "./protocol";
import { PRLIMIT, SandboxWorker, type Task, type TaskOutcome, type WorkerOwner, removeOrphanedWorkerFolders } from "./sandbox-worker";

export interface SandboxPoolOptions {
  /** Warm worker processes kept ready (default: os.availableParallelism()). */
  readonly size?: number;
  /** Jobs a worker serves before it is replaced (1 = a fresh process for every job). Default 50. */
  readonly recycleAfter?: number;
  /** V8 old-space limit of each worker process itself (its isolates have their own limits). Default 512. */
  readonly workerHeapMb?: number;
  /** Apply OS resource limits with util-linux prlimit when it is installed. Default true. */
  readonly osLimits?: boolean;
  /** RLIMIT_AS of each worker in MB (only with osLimits). Default 8192; see ADR 002 before lowering it. */
  readonly addressSpaceMb?: number;
}

export interface SandboxPoolStats {
  readonly workers: number;
  readonly busy: number;
  readonly queued: number;
  /** Worker processes started since the pool was created (replacements included). */
  readonly started: number;
  readonly jobsDone: number;
  /** Process ids of the live workers (for tests and operators). */
  readonly pids: readonly number[];
}

/** What a caller needs of the sandbox to run code: the pool, or an in-process stand-in in unit tests. */
export type SandboxPort = Pick<SandboxPool, "run" | "runModule">;

const MAX_STARTUP_FAILURES = 3;

export class SandboxPool implements WorkerOwner {
  private readonly size: number;
  private readonly recycleAfter: number;
  private readonly heapMb: number;
  private readonly addressSpaceMb: number | null;
  private readonly workers = new Set<SandboxWorker>();
  private readonly queue: Task[] = [];
  private readonly assets: Promise<[string, string]>;
  private closed = false;
  private started = 0;
  private jobsDone = 0;
  private startupFailures = 0;
  // Spawns waiting for the build: counted so a burst of jobs does not start extra workers.
  private spawning = 0;
  // The first worker's V8 code cache of the runtime bundle, handed to every later worker.
  private runtimeCache: Uint8Array | undefined;

  constructor(options: SandboxPoolOptions = {}) {
    this.size = Math.max(1, options.size ?? availableParallelism());
    this.recycleAfter = Math.max(1, options.recycleAfter ?? 50);
    this.heapMb = options.workerHeapMb ?? 512;
    this.addressSpaceMb = (options.osLimits ?? true) && existsSync(PRLIMIT) ? (options.addressSpaceMb ?? 8_192) : null;
    this.assets = Promise.all([buildWorkerScript(), buildRuntimeBundle()]);
    // An unhandled rejection here would crash the host; each caller sees the failure instead.
    this.assets.catch(() => undefined);
    removeOrphanedWorkerFolders();
    for (let i = 0; i < this.size; i++) void this.spawnWorker();
  }

  /** Runs `entry` of the source once per call; learner failures are data, sandbox failures are `grader-error`. */
  async run(input: SandboxJob): Promise<SandboxOutcome> {
    const job = SandboxJobSchema.parse(input);
    const outcome = await this.enqueue({
      source: job.source,
      filename: job.filename,
      entry: job.entry,
      calls: job.calls,
      limits: job.limits,
      mathRandomSeed: job.mathRandomSeed,
    });
    if (outcome.kind === "grader-error") return outcome;
    if (outcome.result.compile !== undefined) return { kind: "done", ...outcome.result, calls: [] };
    if (outcome.result.calls.length !== job.calls.length) return { kind: "grader-error", message: "sandbox protocol violation: wrong number of call results" };
    return { kind: "done", ...outcome.result };
  }

  /** Evaluates a module's top level and returns its console output (`lab run`). */
  async runModule(input: ModuleJob): Promise<ModuleOutcome> {
    const job = ModuleJobSchema.parse(input);
    const outcome = await this.enqueue({
      source: job.source,
      filename: job.filename,
      entry: null,
      calls: [],
      limits: job.limits,
      mathRandomSeed: job.mathRandomSeed,
    });
    if (outcome.kind === "grader-error") return outcome;
    if (outcome.result.compile !== undefined) return { kind: "done", compile: outcome.result.compile, stdout: "", stdoutTruncated: false };
    const failure = outcome.result.calls[0];
    return {
      kind: "done",
      ...(failure !== undefined && !failure.ok ? { error: failure.error } : {}),
      stdout: outcome.result.stdout,
      stdoutTruncated: outcome.result.stdoutTruncated,
    };
  }

  stats(): SandboxPoolStats {
    let busy = 0;
    const pids: number[] = [];
    for (const worker of this.workers) {
      if (worker.task !== undefined) busy += 1;
      if (worker.pid !== undefined) pids.push(worker.pid);
    }
    return { workers: this.workers.size, busy, queued: this.queue.length, started: this.started, jobsDone: this.jobsDone, pids };
  }

  /** Stops every worker; queued jobs end as grader errors. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.failQueued("sandbox pool is closed");
    const exits: Promise<void>[] = [];
    for (const worker of this.workers) {
      worker.finish({ kind: "grader-error", message: "sandbox pool is closed" });
      exits.push(worker.exited);
      worker.retire();
    }
    await Promise.all(exits);
  }

  // ---- what the workers tell the pool (WorkerOwner) ----

  workerReady(): void {
    this.startupFailures = 0;
    this.dispatch();
  }

  codeCache(data: Uint8Array): void {
    this.runtimeCache ??= data;
  }

  jobDone(worker: SandboxWorker, anomaly: boolean): void {
    this.jobsDone += 1;
    if (anomaly || worker.jobs >= this.recycleAfter) {
      worker.retire();
      return;
    }
    this.dispatch();
  }

  workerRetired(): void {
    // The replacement boots while the old process dies: with recycleAfter = 1 it is warm by the next job.
    if (!this.closed) void this.spawnWorker();
  }

  workerExited(worker: SandboxWorker): void {
    this.workers.delete(worker);
    if (!worker.startedUp) this.startupFailures += 1;
    // A retired worker was replaced when it was retired; only an unexpected death needs one now.
    if (this.closed || !worker.live) return;
    if (this.startupFailures >= MAX_STARTUP_FAILURES) {
      this.failQueued(`sandbox workers fail to start: ${worker.output.slice(-1_000) || "no output"}`);
      return;
    }
    void this.spawnWorker();
  }

  // ---- scheduling ----

  private enqueue(job: WorkerJob): Promise<TaskOutcome> {
    if (this.closed) return Promise.resolve({ kind: "grader-error", message: "sandbox pool is closed" });
    return new Promise<TaskOutcome>((resolve) => {
      this.queue.push({ job, finish: resolve });
      // After repeated start-up failures nothing respawns by itself: a new job tries again.
      if (this.liveWorkers() + this.spawning < this.size) {
        this.startupFailures = 0;
        for (let i = this.liveWorkers() + this.spawning; i < this.size; i++) void this.spawnWorker();
      }
      this.dispatch();
    });
  }

  private dispatch(): void {
    for (const worker of this.workers) {
      if (this.queue.length === 0) return;
      if (!worker.idle) continue;
      const task = this.queue.shift();
      if (task === undefined) return;
      worker.start(task, this.started * 1_000_000 + worker.jobs);
    }
  }

  private liveWorkers(): number {
    let count = 0;
    for (const worker of this.workers) if (worker.live) count += 1;
    return count;
  }

  private failQueued(message: string): void {
    for (const task of this.queue.splice(0)) task.finish({ kind: "grader-error", message });
  }

  private async spawnWorker(): Promise<void> {
    let script: string;
    let runtimeBundle: string;
    this.spawning += 1;
    try {
      [script, runtimeBundle] = await this.assets;
    } catch (error) {
      this.failQueued(`sandbox could not be built: ${error instanceof Error ? error.message : String(error)}`);
      return;
    } finally {
      this.spawning -= 1;
    }
    if (this.closed) return;
    this.started += 1;
    const launch = { script, runtimeBundle, runtimeCache: this.runtimeCache, heapMb: this.heapMb, addressSpaceMb: this.addressSpaceMb };
    this.workers.add(new SandboxWorker(launch, this));
  }
}

export function createSandboxPool(options: SandboxPoolOptions = {}): SandboxPool {
  return new SandboxPool(options);
}
