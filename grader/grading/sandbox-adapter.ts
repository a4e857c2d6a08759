// The production SandboxPort: grader/sandbox's transpiler and pre-forked worker pool, shared by
// every grading in this process. Results are validated with zod here (JobOutcome), at the
// boundary. Edit when grader/sandbox's API changes.
import type { JobOutcome, SandboxJob, SandboxPort, TranspileOutcome } from "./sandbox-port";
import { JobOutcome as JobOutcomeSchema } from "./sandbox-port";

/** What this adapter uses of grader/sandbox (docs/architecture.md, "Sandbox"). */
interface SandboxModule {
  transpileLearnerCode(source: string, filename: string): unknown;
  createSandboxPool(options: { size?: number; recycleAfter?: number }): SandboxPool;
}
interface SandboxPool {
  run(job: unknown): Promise<unknown>;
  close?(): Promise<void>;
  dispose?(): Promise<void>;
}

export interface SandboxAdapterOptions {
  readonly size?: number;
  readonly recycleAfter?: number;
}

function isSandboxModule(value: unknown): value is SandboxModule {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof Reflect.get(value, "transpileLearnerCode") === "function" &&
    typeof Reflect.get(value, "createSandboxPool") === "function"
  );
}

async function loadSandboxModule(): Promise<SandboxModule> {
  // A computed specifier: grader/sandbox is developed alongside and loaded at run time.
  const specifier = ["..", "sandbox", "index"].join("/");
  const mod: unknown = await import(specifier);
  if (!isSandboxModule(mod)) throw new Error("grader/sandbox does not export transpileLearnerCode and createSandboxPool");
  return mod;
}

function toTranspileOutcome(value: unknown): TranspileOutcome {
  if (typeof value === "string") return { ok: true, code: value };
  if (typeof value === "object" && value !== null) {
    const code: unknown = Reflect.get(value, "code");
    const ok: unknown = Reflect.get(value, "ok");
    if (typeof code === "string" && ok !== false) return { ok: true, code };
    const error: unknown = Reflect.get(value, "error") ?? value;
    if (typeof error === "object" && error !== null) {
      const message: unknown = Reflect.get(error, "message");
      const line: unknown = Reflect.get(error, "line");
      const column: unknown = Reflect.get(error, "column");
      return {
        ok: false,
        message: typeof message === "string" ? message : "compile error",
        ...(typeof line === "number" ? { line } : {}),
        ...(typeof column === "number" ? { column } : {}),
      };
    }
  }
  throw new Error("grader/sandbox transpileLearnerCode returned an unexpected value");
}

export function createSandboxAdapter(options: SandboxAdapterOptions = {}): SandboxPort & { close(): Promise<void> } {
  let pool: Promise<{ mod: SandboxModule; pool: SandboxPool }> | null = null;
  const ready = () => {
    pool ??= loadSandboxModule().then((mod) => ({
      mod,
      pool: mod.createSandboxPool({ size: options.size ?? 2, recycleAfter: options.recycleAfter ?? 200 }),
    }));
    return pool;
  };
  return {
    async transpile(source, filename) {
      const { mod } = await ready();
      return toTranspileOutcome(mod.transpileLearnerCode(source, filename));
    },
    async run(job: SandboxJob): Promise<JobOutcome> {
      const { pool: p } = await ready();
      const raw = await p.run(job);
      const parsed = JobOutcomeSchema.safeParse(raw);
      if (!parsed.success) return { kind: "grader-error", message: `unexpected sandbox result: ${parsed.error.message.slice(0, 300)}` };
      return parsed.data;
    },
    async close() {
      if (!pool) return;
      const { pool: p } = await pool;
      pool = null;
      await (p.close ?? p.dispose)?.call(p);
    },
  };
}

let shared: (SandboxPort & { close(): Promise<void> }) | null = null;

/** The process-wide pool used by gradeSubmission. */
export function sharedSandbox(): SandboxPort {
  shared ??= createSandboxAdapter();
  return shared;
}

export async function closeSharedSandbox(): Promise<void> {
  const current = shared;
  shared = null;
  await current?.close();
}
