// What the grading engine needs from the sandbox, as narrow types: transpile a trusted author
// source (to find a broken exercise early; learner code is compiled by run(), in the sandbox), run a job (one module, one export, a list of calls) in a fresh isolate,
// run a module's top level. grader/grading/sandbox-adapter.ts
// implements it with grader/sandbox; tests may pass another implementation. Results coming back
// are validated with zod here, at the boundary.
import { z } from "zod";
import { type PlainValue, PlainValueSchema } from "./values";

export interface SandboxLimits {
  readonly timeoutMs: number;
  readonly memoryMb: number;
  readonly stdoutBytes: number;
}

export interface SandboxCall {
  readonly args: PlainValue[];
  readonly npSeed?: number;
}

export interface SandboxJob {
  /** TypeScript source (`import * as np from "np"`); the sandbox compiles it, under its compile budgets. */
  readonly source: string;
  readonly filename: string;
  readonly exportName: string;
  readonly calls: readonly SandboxCall[];
  readonly limits: SandboxLimits;
}

export const LearnerFailure = z
  .object({
    kind: z.enum(["throw", "timeout", "memory", "cpu", "missing-export", "not-a-function", "compile", "too-large"]),
    message: z.string(),
    line: z.number().int().optional(),
    column: z.number().int().optional(),
  })
  .strip();
export type LearnerFailure = z.infer<typeof LearnerFailure>;

export const CallOutcome = z.union([
  z.object({ ok: z.literal(true), value: PlainValueSchema }).strip(),
  z.object({ ok: z.literal(false), error: LearnerFailure }).strip(),
]);
export type CallOutcome = z.infer<typeof CallOutcome>;

const CompileFailure = z
  .object({
    message: z.string(),
    line: z.number().int().optional(),
    column: z.number().int().optional(),
    /** Over a compile budget of the sandbox: which one, and its limit (nesting levels, ms or MB). */
    budget: z.object({ kind: z.enum(["brackets", "labels", "time", "memory"]), limit: z.number() }).strip().optional(),
  })
  .strip();
export type CompileFailure = z.infer<typeof CompileFailure>;

export const JobOutcome = z.union([
  z
    .object({ kind: z.literal("done"), compile: CompileFailure.optional(), calls: z.array(CallOutcome), stdout: z.string() })
    .strip(),
  z.object({ kind: z.literal("grader-error"), message: z.string() }).strip(),
]);
export type JobOutcome = z.infer<typeof JobOutcome>;

export type TranspileOutcome =
  | { readonly ok: true; readonly code: string }
  | { readonly ok: false; readonly message: string; readonly line?: number; readonly column?: number };

export const ModuleOutcome = z.union([
  z.object({ kind: z.literal("done"), compile: CompileFailure.optional(), error: LearnerFailure.optional(), stdout: z.string() }).strip(),
  z.object({ kind: z.literal("grader-error"), message: z.string() }).strip(),
]);
export type ModuleOutcome = z.infer<typeof ModuleOutcome>;

export interface SandboxPort {
  transpile(source: string, filename: string): TranspileOutcome | Promise<TranspileOutcome>;
  run(job: SandboxJob): Promise<JobOutcome>;
  runModule(job: { source: string; filename: string; limits: SandboxLimits }): Promise<ModuleOutcome>;
}
