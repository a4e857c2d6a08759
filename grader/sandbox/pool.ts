// The pool of pre-forked grader worker processes. Every job runs in a worker, never in the
// caller's process, compile included (the worker compiles under the compile budgets): the pool
// queues, hands each job to an idle warm worker, enforces the job's wall-clock budget by killing
// the worker's process group (the worker and its compiler), and turns a crashed or misbehaving
// worker into a grader error (never a pass), replacing it. Workers start with an empty
// environment in an empty temporary directory under OS limits (prlimit) and are retired after
// `recycleAfter` jobs or after any limit breach; folders that dead workers of an earlier host
// process left behind are removed at start. Edit when worker lifecycle rules change.
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { buildRuntimeBundle, buildWorkerScript } from "./assets";
import {
  FromWorkerSchema,
  type ModuleJob,
  ModuleJobSchema,
  type ModuleOutcome,
  type SandboxJob,
  SandboxJobSchema,
  type SandboxOutcome,
  type SandboxResult,
  type WorkerJob,
} from "./protocol";

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

export interface SandboxPool {
  /** Runs `entry` of the source once per call; learner failures are data, sandbox failures are `grader-error`. */
  run(job: SandboxJob): Promise<SandboxOutcome>;
  /** Evaluates a module's top level and returns its console output (`lab run`). */
  runModule(job: ModuleJob): Promise<ModuleOutcome>;
  stats(): SandboxPoolStats;
  /** Stops every worker; queued jobs end as grader errors. */
  close(): Promise<void>;
}

/** What a caller needs of the sandbox to run code: the pool, or an in-process stand-in in unit tests. */
export type SandboxPort = Pick<SandboxPool, "run" | "runModule">;

type TaskOutcome = { kind: "done"; result: SandboxResult } | { kind: "grader-error"; message: string };

interface Task {
  readonly job: WorkerJob;
  readonly finish: (outcome: TaskOutcome) => void;
}

interface Worker {
  readonly child: ChildProcess;
  readonly dir: string;
  readonly exited: Promise<void>;
  ready: boolean;
  retiring: boolean;
  jobs: number;
  task: Task | undefined;
  timer: NodeJS.Timeout | undefined;
  diagnostics: string;
}

const PRLIMIT = "/usr/bin/prlimit";
const DIAGNOSTICS_CHARS = 4_000;
const MAX_STARTUP_FAILURES = 3;
/** How long past its compile budget a worker may stay silent before the pool kills it. */
const COMPILE_BACKSTOP_MS = 1_000;

const FOLDER_PREFIX = "backprop-sandbox-";

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: alive, someone else's.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Removes the working folders of workers whose pool (the pid in the folder's name) is dead: a
 * host killed at the wrong moment cannot clean up after its workers, so the next pool does.
 */
export function removeOrphanedWorkerFolders(root: string = tmpdir()): number {
  let removed = 0;
  let names: string[];
  try {
    names = readdirSync(root);
  } catch {
    return 0;
  }
  for (const name of names) {
    const owner = new RegExp(`^${FOLDER_PREFIX}(\\d+)-`).exec(name)?.[1];
    if (owner === undefined || isAlive(Number(owner))) continue;
    try {
      rmSync(join(root, name), { recursive: true, force: true });
      removed += 1;
    } catch {
      // Someone else's folder we may not touch: leave it.
    }
  }
  return removed;
}

/** SIGKILL to the worker's process group (it was spawned detached, as its group's leader). */
function killGroup(child: ChildProcess): void {
  try {
    if (child.pid !== undefined) {
      process.kill(-child.pid, "SIGKILL");
      return;
    }
  } catch {
    // Already gone, or not a group leader: kill the process itself.
  }
  child.kill("SIGKILL");
}

function osLimitArgs(addressSpaceMb: number): string[] {
  // No RLIMIT_NPROC: it counts every process of the user (threads too), so on a shared uid it
  // would break V8's own threads long before it stopped anything; the isolate cannot spawn anyway.
  // RLIMIT_AS only as a backstop: V8 reserves far more address space than it uses (see ADR 002).
  return [PRLIMIT, "--core=0", "--fsize=1048576", "--nofile=256", `--as=${addressSpaceMb * 1024 * 1024}`, "--"];
}

export function createSandboxPool(options: SandboxPoolOptions = {}): SandboxPool {
  const size = Math.max(1, options.size ?? availableParallelism());
  const recycleAfter = Math.max(1, options.recycleAfter ?? 50);
  const workerHeapMb = options.workerHeapMb ?? 512;
  const useOsLimits = (options.osLimits ?? true) && existsSync(PRLIMIT);
  const addressSpaceMb = options.addressSpaceMb ?? 8_192;

  const workers = new Set<Worker>();
  const queue: Task[] = [];
  let closed = false;
  let started = 0;
  let jobsDone = 0;
  let startupFailures = 0;
  // Spawns waiting for the build: counted so a burst of jobs does not start extra workers.
  let spawning = 0;
  // The first worker's V8 code cache of the runtime bundle, handed to every later worker.
  let runtimeCache: Uint8Array | undefined;
  const assets = Promise.all([buildWorkerScript(), buildRuntimeBundle()]);
  // An unhandled rejection here would crash the host; each caller sees the failure instead.
  assets.catch(() => undefined);

  function failQueued(message: string): void {
    for (const task of queue.splice(0)) task.finish({ kind: "grader-error", message });
  }

  async function spawnWorker(): Promise<void> {
    let script: string;
    let bundle: string;
    spawning += 1;
    try {
      [script, bundle] = await assets;
    } catch (error) {
      failQueued(`sandbox could not be built: ${error instanceof Error ? error.message : String(error)}`);
      return;
    } finally {
      spawning -= 1;
    }
    if (closed) return;
    started += 1;
    const dir = mkdtempSync(join(tmpdir(), `${FOLDER_PREFIX}${process.pid}-`));
    const node = [process.execPath, "--no-node-snapshot", `--max-old-space-size=${workerHeapMb}`, script];
    const [command, ...args] = useOsLimits ? [...osLimitArgs(addressSpaceMb), ...node] : node;
    const child = spawn(command ?? process.execPath, args, {
      cwd: dir,
      // No DATABASE_URL, no secrets: Node needs nothing from the environment.
      env: { NODE_ENV: "production" },
      stdio: ["ignore", "pipe", "pipe", "ipc"],
      serialization: "advanced",
      // Its own process group, so a kill also reaches the compiler (esbuild) it started.
      detached: true,
    });
    let exitedResolve: () => void = () => undefined;
    const worker: Worker = {
      child,
      dir,
      exited: new Promise<void>((resolve) => (exitedResolve = resolve)),
      ready: false,
      retiring: false,
      jobs: 0,
      task: undefined,
      timer: undefined,
      diagnostics: "",
    };
    workers.add(worker);
    const keep = (chunk: Buffer): void => {
      worker.diagnostics = (worker.diagnostics + chunk.toString("utf8")).slice(-DIAGNOSTICS_CHARS);
    };
    child.stdout?.on("data", keep);
    child.stderr?.on("data", keep);
    child.on("message", (raw: unknown) => onMessage(worker, raw));
    child.on("error", (error) => {
      keep(Buffer.from(`spawn error: ${error.message}\n`));
    });
    child.on("exit", (code, signal) => {
      exitedResolve();
      onExit(worker, code, signal);
    });
    child.send({ type: "init", runtimeBundle: bundle, ...(runtimeCache === undefined ? {} : { runtimeCache }) });
  }

  // An idle worker must not keep the host alive: a CLI that forgets close() still exits.
  function holdHost(worker: Worker, wanted: boolean): void {
    // A retiring worker stays held whatever arrives from it late (a "ready" already in the pipe).
    const hold = wanted || worker.retiring;
    const handles: unknown[] = [worker.child, worker.child.channel, worker.child.stdout, worker.child.stderr];
    for (const handle of handles) {
      if (typeof handle !== "object" || handle === null) continue;
      const method: unknown = Reflect.get(handle, hold ? "ref" : "unref");
      if (typeof method === "function") Reflect.apply(method, handle, []);
    }
  }

  function retire(worker: Worker): void {
    if (worker.retiring) return;
    worker.retiring = true;
    // Held until its exit event: close() waits for it, and its temporary folder is removed then.
    holdHost(worker, true);
    killGroup(worker.child);
    // The replacement boots while the old process dies: with recycleAfter = 1 it is warm by the next job.
    if (!closed) void spawnWorker();
  }

  function onMessage(worker: Worker, raw: unknown): void {
    const parsed = FromWorkerSchema.safeParse(raw);
    if (!parsed.success) {
      finishTask(worker, { kind: "grader-error", message: `sandbox protocol violation: ${parsed.error.message.slice(0, 500)}` });
      retire(worker);
      return;
    }
    const message = parsed.data;
    if (message.type === "ready") {
      worker.ready = true;
      startupFailures = 0;
      holdHost(worker, false);
      dispatch();
      return;
    }
    if (message.type === "code-cache") {
      runtimeCache ??= message.data;
      return;
    }
    if (message.type === "compiled") {
      if (worker.task !== undefined) startWallClock(worker, worker.task);
      return;
    }
    if (message.type === "fatal") {
      finishTask(worker, { kind: "grader-error", message: `sandbox worker failed: ${message.message.slice(0, 2_000)}` });
      retire(worker);
      return;
    }
    worker.jobs += 1;
    jobsDone += 1;
    finishTask(worker, { kind: "done", result: message.result });
    if (message.anomaly || worker.jobs >= recycleAfter) {
      retire(worker);
      return;
    }
    dispatch();
  }

  function finishTask(worker: Worker, outcome: TaskOutcome): void {
    const task = worker.task;
    worker.task = undefined;
    holdHost(worker, false);
    if (worker.timer !== undefined) clearTimeout(worker.timer);
    worker.timer = undefined;
    task?.finish(outcome);
  }

  function onExit(worker: Worker, code: number | null, signal: NodeJS.Signals | null): void {
    workers.delete(worker);
    rmSync(worker.dir, { recursive: true, force: true });
    if (!worker.ready && !worker.retiring) startupFailures += 1;
    if (worker.task !== undefined) {
      const how = signal === null ? `exit code ${code ?? "?"}` : `signal ${signal}`;
      const tail = worker.diagnostics.trim();
      finishTask(worker, { kind: "grader-error", message: `sandbox worker crashed (${how})${tail === "" ? "" : `: ${tail.slice(-1_000)}`}` });
    }
    // A retired worker was replaced when it was retired; only an unexpected death needs one now.
    if (closed || worker.retiring) return;
    if (startupFailures >= MAX_STARTUP_FAILURES) {
      failQueued(`sandbox workers fail to start: ${worker.diagnostics.trim().slice(-1_000) || "no output"}`);
      return;
    }
    void spawnWorker();
  }

  function liveWorkers(): number {
    let count = 0;
    for (const worker of workers) if (!worker.retiring) count += 1;
    return count;
  }

  function dispatch(): void {
    for (const worker of workers) {
      if (queue.length === 0) return;
      if (!worker.ready || worker.retiring || worker.task !== undefined) continue;
      const task = queue.shift();
      if (task === undefined) return;
      worker.task = task;
      holdHost(worker, true);
      // Compiling has its own budget, which the worker enforces; this kill is the backstop when
      // the worker cannot (it answers "compiled", then the job's wall clock starts).
      const compileMs = task.job.limits.compileTimeoutMs;
      worker.timer = setTimeout(() => {
        const message = `compiling took longer than ${compileMs} ms: over the compiler's time budget (simplify the code)`;
        finishTask(worker, { kind: "done", result: { compile: { message, budget: { kind: "time", limit: compileMs } }, calls: [], stdout: "", stdoutTruncated: false } });
        retire(worker);
      }, compileMs + COMPILE_BACKSTOP_MS);
      worker.child.send({ type: "job", id: started * 1_000_000 + worker.jobs, job: task.job });
    }
  }

  function startWallClock(worker: Worker, task: Task): void {
    if (worker.timer !== undefined) clearTimeout(worker.timer);
    const wallMs = task.job.limits.wallMs;
    worker.timer = setTimeout(() => {
      // The isolate's own timeout did not stop it (e.g. non-interruptible work): the process goes.
      const message = `time limit exceeded: the code ran longer than ${wallMs} ms (wall clock)`;
      const calls = task.job.entry === null ? [{ ok: false as const, error: { kind: "timeout" as const, message } }] : task.job.calls.map(() => ({ ok: false as const, error: { kind: "timeout" as const, message } }));
      finishTask(worker, { kind: "done", result: { calls, stdout: "", stdoutTruncated: false } });
      retire(worker);
    }, wallMs);
  }

  function enqueue(job: WorkerJob): Promise<TaskOutcome> {
    if (closed) return Promise.resolve({ kind: "grader-error", message: "sandbox pool is closed" });
    return new Promise<TaskOutcome>((resolve) => {
      queue.push({ job, finish: resolve });
      // After repeated start-up failures nothing respawns by itself: a new job tries again.
      if (liveWorkers() + spawning < size) {
        startupFailures = 0;
        for (let i = liveWorkers() + spawning; i < size; i++) void spawnWorker();
      }
      dispatch();
    });
  }

  removeOrphanedWorkerFolders();
  for (let i = 0; i < size; i++) void spawnWorker();

  return {
    async run(input) {
      const job = SandboxJobSchema.parse(input);
      const outcome = await enqueue({
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
    },

    async runModule(input) {
      const job = ModuleJobSchema.parse(input);
      const outcome = await enqueue({
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
    },

    stats() {
      let busy = 0;
      for (const worker of workers) if (worker.task !== undefined) busy += 1;
      const pids: number[] = [];
      for (const worker of workers) if (worker.child.pid !== undefined) pids.push(worker.child.pid);
      return { workers: workers.size, busy, queued: queue.length, started, jobsDone, pids };
    },

    async close() {
      if (closed) return;
      closed = true;
      failQueued("sandbox pool is closed");
      const exits: Promise<void>[] = [];
      for (const worker of workers) {
        finishTask(worker, { kind: "grader-error", message: "sandbox pool is closed" });
        exits.push(worker.exited);
        retire(worker);
      }
      await Promise.all(exits);
    },
  };
}
