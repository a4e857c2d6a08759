// The production SandboxPort: grader/sandbox's transpiler and pre-forked worker pool, shared by
// every grading in this process. Results are validated with zod here (JobOutcome), at the
// boundary. Edit when grader/sandbox's API changes.
import { createSandboxPool, transpileLearnerCode, type SandboxPool } from "../sandbox/index";
import { JobOutcome, ModuleOutcome, type SandboxLimits, type SandboxPort } from "./sandbox-port";

export interface SandboxAdapterOptions {
  readonly size?: number;
  readonly recycleAfter?: number;
}

/** The job's wall-clock budget: every call may use its CPU budget, plus start-up slack. */
function sandboxLimits(limits: SandboxLimits, calls: number) {
  return {
    timeoutMs: limits.timeoutMs,
    memoryMb: limits.memoryMb,
    stdoutBytes: limits.stdoutBytes,
    wallMs: Math.min(600_000, limits.timeoutMs * Math.max(1, calls) + 5_000),
  };
}

export function createSandboxAdapter(options: SandboxAdapterOptions = {}): SandboxPort & { close(): Promise<void>; pool(): SandboxPool } {
  let pool: SandboxPool | null = null;
  const ready = (): SandboxPool => {
    pool ??= createSandboxPool({ ...(options.size ? { size: options.size } : {}), ...(options.recycleAfter ? { recycleAfter: options.recycleAfter } : {}) });
    return pool;
  };
  return {
    pool: ready,
    async transpile(source, filename) {
      const out = await transpileLearnerCode(source, filename);
      if (out.ok) return { ok: true, code: out.code };
      return {
        ok: false,
        message: out.error.message,
        ...(out.error.line === undefined ? {} : { line: out.error.line }),
        ...(out.error.column === undefined ? {} : { column: out.error.column }),
      };
    },
    async run(job) {
      const raw = await ready().run({
        source: job.source,
        filename: job.filename,
        entry: job.exportName,
        calls: job.calls.map((c) => ({ args: c.args, ...(c.npSeed === undefined ? {} : { npSeed: c.npSeed }) })),
        limits: sandboxLimits(job.limits, job.calls.length),
      });
      const parsed = JobOutcome.safeParse(raw);
      if (!parsed.success) return { kind: "grader-error", message: `unexpected sandbox result: ${parsed.error.message.slice(0, 300)}` };
      return parsed.data;
    },
    async runModule(job) {
      const raw = await ready().runModule({ source: job.source, filename: job.filename, limits: sandboxLimits(job.limits, 1) });
      const parsed = ModuleOutcome.safeParse(raw);
      if (!parsed.success) return { kind: "grader-error", message: `unexpected sandbox result: ${parsed.error.message.slice(0, 300)}` };
      return parsed.data;
    },
    async close() {
      const current = pool;
      pool = null;
      await current?.close();
    },
  };
}

let shared: ReturnType<typeof createSandboxAdapter> | null = null;

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
