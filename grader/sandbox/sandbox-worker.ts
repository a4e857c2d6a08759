// One sandbox worker: a pre-forked `node` process (worker.ts, bundled) and its lifecycle. It is
// spawned detached in an empty temporary folder with an empty environment under OS limits
// (prlimit), runs one job at a time under its compile backstop and wall-clock budget, and is
// killed with its whole process group (the worker and its compiler) when retired. Messages from
// the process are parsed here, once (protocol.ts). Scheduling (which worker gets which job, when
// one is replaced) is the pool's (pool.ts). Edit when a worker's start, kill or budgets change.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { FromWorkerSchema, type SandboxResult, type WorkerJob } from "./protocol";

export type TaskOutcome = { kind: "done"; result: SandboxResult } | { kind: "grader-error"; message: string };

export interface Task {
  readonly job: WorkerJob;
  readonly finish: (outcome: TaskOutcome) => void;
}

/** What a worker tells the pool that owns it. */
export interface WorkerOwner {
  /** The worker booted and is idle. */
  workerReady(worker: SandboxWorker): void;
  /** The V8 code cache of the runtime bundle, for the workers started after this one. */
  codeCache(data: Uint8Array): void;
  /** A job finished normally; `anomaly`: a limit was hit or something odd happened. */
  jobDone(worker: SandboxWorker, anomaly: boolean): void;
  /** The worker is being killed (a breach, a recycle, close): time to start its replacement. */
  workerRetired(worker: SandboxWorker): void;
  /** The process is gone; its task, if any, has been finished as a grader error. */
  workerExited(worker: SandboxWorker): void;
}

export interface WorkerLaunch {
  readonly script: string;
  readonly runtimeBundle: string;
  readonly runtimeCache: Uint8Array | undefined;
  readonly heapMb: number;
  /** RLIMIT_AS in MB through prlimit, or null without OS limits. */
  readonly addressSpaceMb: number | null;
}

export const PRLIMIT = "/usr/bin/prlimit";
const DIAGNOSTICS_CHARS = 4_000;
/** How long past its compile budget a worker may stay silent before it is killed. */
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

function osLimitArgs(addressSpaceMb: number): string[] {
  // No RLIMIT_NPROC: it counts every process of the user (threads too), so on a shared uid it
  // would break V8's own threads long before it stopped anything; the isolate cannot spawn anyway.
  // RLIMIT_AS only as a backstop: V8 reserves far more address space than it uses (see ADR 002).
  return [PRLIMIT, "--core=0", "--fsize=1048576", "--nofile=256", `--as=${addressSpaceMb * 1024 * 1024}`, "--"];
}

export class SandboxWorker {
  /** Settles when the process has exited (and its folder is removed). */
  readonly exited: Promise<void>;
  /** The job it is running, if any. */
  task: Task | undefined;
  /** Jobs finished by this process. */
  jobs = 0;
  private ready = false;
  private retiring = false;
  private timer: NodeJS.Timeout | undefined;
  private diagnostics = "";
  private readonly child: ChildProcess;
  private readonly dir: string;

  constructor(
    launch: WorkerLaunch,
    private readonly owner: WorkerOwner,
  ) {
    this.dir = mkdtempSync(join(tmpdir(), `${FOLDER_PREFIX}${process.pid}-`));
    const node = [process.execPath, "--no-node-snapshot", `--max-old-space-size=${launch.heapMb}`, launch.script];
    const [command, ...args] = launch.addressSpaceMb === null ? node : [...osLimitArgs(launch.addressSpaceMb), ...node];
    this.child = spawn(command ?? process.execPath, args, {
      cwd: this.dir,
      // No DATABASE_URL, no secrets: Node needs nothing from the environment.
      env: { NODE_ENV: "production" },
      stdio: ["ignore", "pipe", "pipe", "ipc"],
      serialization: "advanced",
      // Its own process group, so a kill also reaches the compiler (esbuild) it started.
      detached: true,
    });
    let exitedResolve: () => void = () => undefined;
    this.exited = new Promise<void>((resolve) => (exitedResolve = resolve));
    const keep = (chunk: Buffer): void => {
      this.diagnostics = (this.diagnostics + chunk.toString("utf8")).slice(-DIAGNOSTICS_CHARS);
    };
    this.child.stdout?.on("data", keep);
    this.child.stderr?.on("data", keep);
    this.child.on("message", (raw: unknown) => this.onMessage(raw));
    this.child.on("error", (error) => keep(Buffer.from(`spawn error: ${error.message}\n`)));
    this.child.on("exit", (code, signal) => {
      exitedResolve();
      this.onExit(code, signal);
    });
    const { runtimeBundle, runtimeCache } = launch;
    this.child.send({ type: "init", runtimeBundle, ...(runtimeCache === undefined ? {} : { runtimeCache }) });
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  /** Counts towards the pool's size: not being killed. */
  get live(): boolean {
    return !this.retiring;
  }

  get idle(): boolean {
    return this.ready && !this.retiring && this.task === undefined;
  }

  /** Booted, or killed before it could be: an exit before either is a start-up failure. */
  get startedUp(): boolean {
    return this.ready || this.retiring;
  }

  /** The tail of the process's stdout and stderr, for crash reports. */
  get output(): string {
    return this.diagnostics.trim();
  }

  /** Hands the worker a job. Its wall clock starts when the worker reports the source compiled. */
  start(task: Task, id: number): void {
    this.task = task;
    this.holdHost(true);
    // Compiling has its own budget, which the worker enforces; this kill is the backstop when
    // the worker cannot (it answers "compiled", then the job's wall clock starts).
    const compileMs = task.job.limits.compileTimeoutMs;
    this.timer = setTimeout(() => {
      const message = `compiling took longer than ${compileMs} ms: over the compiler's time budget (simplify the code)`;
      this.finish({ kind: "done", result: { compile: { message, budget: { kind: "time", limit: compileMs } }, calls: [], stdout: "", stdoutTruncated: false } });
      this.retire();
    }, compileMs + COMPILE_BACKSTOP_MS);
    this.child.send({ type: "job", id, job: task.job });
  }

  /** Ends the current task (if any) with this outcome. */
  finish(outcome: TaskOutcome): void {
    const task = this.task;
    this.task = undefined;
    this.holdHost(false);
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    task?.finish(outcome);
  }

  /** Kills the process group; the owner starts a replacement while this one dies. */
  retire(): void {
    if (this.retiring) return;
    this.retiring = true;
    // Held until its exit event: close() waits for it, and its temporary folder is removed then.
    this.holdHost(true);
    this.killGroup();
    this.owner.workerRetired(this);
  }

  private onMessage(raw: unknown): void {
    const parsed = FromWorkerSchema.safeParse(raw);
    if (!parsed.success) {
      this.finish({ kind: "grader-error", message: `sandbox protocol violation: ${parsed.error.message.slice(0, 500)}` });
      this.retire();
      return;
    }
    const message = parsed.data;
    switch (message.type) {
      case "ready":
        this.ready = true;
        this.holdHost(false);
        this.owner.workerReady(this);
        return;
      case "code-cache":
        this.owner.codeCache(message.data);
        return;
      case "compiled":
        if (this.task !== undefined) this.startWallClock(this.task);
        return;
      case "fatal":
        this.finish({ kind: "grader-error", message: `sandbox worker failed: ${message.message.slice(0, 2_000)}` });
        this.retire();
        return;
      case "result":
        this.jobs += 1;
        this.finish({ kind: "done", result: message.result });
        this.owner.jobDone(this, message.anomaly);
        return;
    }
  }

  private startWallClock(task: Task): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    const wallMs = task.job.limits.wallMs;
    this.timer = setTimeout(() => {
      // The isolate's own timeout did not stop it (e.g. non-interruptible work): the process goes.
      const message = `time limit exceeded: the code ran longer than ${wallMs} ms (wall clock)`;
      const timeout = { ok: false as const, error: { kind: "timeout" as const, message } };
      const calls = task.job.entry === null ? [timeout] : task.job.calls.map(() => timeout);
      this.finish({ kind: "done", result: { calls, stdout: "", stdoutTruncated: false } });
      this.retire();
    }, wallMs);
  }

  private onExit(code: number | null, signal: NodeJS.Signals | null): void {
    rmSync(this.dir, { recursive: true, force: true });
    if (this.task !== undefined) {
      const how = signal === null ? `exit code ${code ?? "?"}` : `signal ${signal}`;
      const tail = this.output;
      this.finish({ kind: "grader-error", message: `sandbox worker crashed (${how})${tail === "" ? "" : `: ${tail.slice(-1_000)}`}` });
    }
    this.owner.workerExited(this);
  }

  /** SIGKILL to the worker's process group (it was spawned detached, as its group's leader). */
  private killGroup(): void {
    try {
      if (this.child.pid !== undefined) {
        process.kill(-this.child.pid, "SIGKILL");
        return;
      }
    } catch {
      // Already gone, or not a group leader: kill the process itself.
    }
    this.child.kill("SIGKILL");
  }

  // An idle worker must not keep the host alive: a CLI that forgets close() still exits.
  private holdHost(wanted: boolean): void {
    // A retiring worker stays held whatever arrives from it late (a "ready" already in the pipe).
    const hold = wanted || this.retiring;
    const handles: unknown[] = [this.child, this.child.channel, this.child.stdout, this.child.stderr];
    for (const handle of handles) {
      if (typeof handle !== "object" || handle === null) continue;
      const method: unknown = Reflect.get(handle, hold ? "ref" : "unref");
      if (typeof method === "function") Reflect.apply(method, handle, []);
    }
  }
}
