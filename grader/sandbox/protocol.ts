// The sandbox's data contract, as zod schemas: the values that cross into and out of an isolate
// (PlainValue), the jobs callers hand to the pool, the results they get back, and the messages
// between the pool and its worker processes. Everything crossing a process boundary is parsed
// here, once. Edit when the job or result shape changes (and docs/architecture.md with it).
import { z } from "zod";
import { COMPILE_MEMORY_MB, COMPILE_TIMEOUT_MS, shapeOverBudget } from "./constants";

/**
 * A value that crosses the sandbox boundary. Arrays enter an isolate as np NDArrays and leave
 * as `$nd`; `$fn` is TRUSTED author source (never learner output) materialised as a function
 * inside the isolate, e.g. the cost J(theta) handed to a learner's gradientCheck.
 */
export type PlainValue =
  | number
  | boolean
  | string
  | null
  | PlainValue[]
  | { $nd: { shape: number[]; data: number[] | Float64Array } }
  | { $fn: string }
  | { [key: string]: PlainValue };

// z.number() rejects NaN and ±Infinity, exactly the values an overflowing learner produces.
const anyNumber = z.custom<number>((v) => typeof v === "number", "expected a number");

const NdValue = z
  .object({
    $nd: z
      .object({
        shape: z.array(z.number().int().min(0)),
        data: z.union([z.instanceof(Float64Array), z.array(anyNumber)]),
      })
      .strict(),
  })
  .strict()
  .refine((v) => v.$nd.shape.reduce((a, b) => a * b, 1) === v.$nd.data.length, "an $nd value's data length must match its shape")
  .refine((v) => shapeOverBudget(v.$nd.shape) === null, "an $nd value's shape is over the sandbox's budget (constants.ts)");

export const PlainValueSchema: z.ZodType<PlainValue, PlainValue> = z.lazy(() =>
  z.union([
    anyNumber,
    z.boolean(),
    z.string(),
    z.null(),
    z.array(PlainValueSchema),
    NdValue,
    z.object({ $fn: z.string() }).strict(),
    z.record(z.string(), PlainValueSchema),
  ]),
);

export const SandboxLimitsSchema = z
  .object({
    /** Budget of each call (and of the module's top level) inside the isolate, CPU-bound work. */
    timeoutMs: z.number().int().min(1).max(60_000),
    /** V8 heap limit of the isolate (isolated-vm's memoryLimit; at least 8). */
    memoryMb: z.number().int().min(8).max(2048),
    /** Wall-clock budget of the whole job in the worker process; the pool kills the worker past it. */
    wallMs: z.number().int().min(1).max(600_000),
    /** Bytes of console output kept; the rest is dropped and stdoutTruncated is set. */
    stdoutBytes: z.number().int().min(0).max(4_000_000).default(65_536),
    /** Wall-clock budget of compiling the source, in the worker; on top of wallMs. */
    compileTimeoutMs: z.number().int().min(1).max(60_000).default(COMPILE_TIMEOUT_MS),
    /** Resident memory budget of the compiler process while it compiles the source. */
    compileMemoryMb: z.number().int().min(1).max(4_096).default(COMPILE_MEMORY_MB),
  })
  .strict();
export type SandboxLimits = z.input<typeof SandboxLimitsSchema>;

export const DEFAULT_LIMITS: z.output<typeof SandboxLimitsSchema> = {
  timeoutMs: 2_000,
  memoryMb: 128,
  wallMs: 20_000,
  stdoutBytes: 65_536,
  compileTimeoutMs: COMPILE_TIMEOUT_MS,
  compileMemoryMb: COMPILE_MEMORY_MB,
};

export const SandboxCallSchema = z
  .object({
    args: z.array(PlainValueSchema),
    /** np.random.seed(npSeed) right before this call. */
    npSeed: z.number().int().min(0).max(2 ** 32 - 1).optional(),
  })
  .strict();
export type SandboxCall = z.input<typeof SandboxCallSchema>;

export const SandboxJobSchema = z
  .object({
    /** TypeScript or JavaScript source (learner or author), `import * as np from "np"` allowed. */
    source: z.string(),
    /** Shown in errors and stack traces; `.js`/`.mjs`/`.cjs` is read as JavaScript, anything else as TypeScript. */
    filename: z.string().min(1).max(200),
    /** Name of the exported function to call. */
    entry: z.string().min(1).max(200),
    calls: z.array(SandboxCallSchema).max(10_000),
    limits: SandboxLimitsSchema.default(DEFAULT_LIMITS),
    /** Seeds Math.random inside the isolate (deterministic runs). */
    mathRandomSeed: z.number().int().min(0).max(2 ** 32 - 1).default(0),
  })
  .strict();
export type SandboxJob = z.input<typeof SandboxJobSchema>;

export const ModuleJobSchema = z
  .object({
    source: z.string(),
    filename: z.string().min(1).max(200),
    limits: SandboxLimitsSchema.default(DEFAULT_LIMITS),
    mathRandomSeed: z.number().int().min(0).max(2 ** 32 - 1).default(0),
  })
  .strict();
export type ModuleJob = z.input<typeof ModuleJobSchema>;

export const CompileErrorSchema = z
  .object({
    message: z.string(),
    line: z.number().int().min(1).optional(),
    column: z.number().int().min(1).optional(),
    /** Set when the source is over a compile budget (constants.ts), so callers can word it. */
    budget: z.object({ kind: z.enum(["brackets", "labels", "time", "memory"]), limit: z.number() }).strict().optional(),
  })
  .strict();
export type CompileError = z.infer<typeof CompileErrorSchema>;

export const LearnerErrorKind = z.enum(["throw", "timeout", "memory", "cpu", "missing-export", "not-a-function", "too-large"]);
export type LearnerErrorKind = z.infer<typeof LearnerErrorKind>;

export const LearnerErrorSchema = z
  .object({
    kind: LearnerErrorKind,
    message: z.string(),
    line: z.number().int().min(1).optional(),
    column: z.number().int().min(1).optional(),
  })
  .strict();
export type LearnerError = z.infer<typeof LearnerErrorSchema>;

export const CallResultSchema = z.union([
  z.object({ ok: z.literal(true), value: PlainValueSchema, durationMs: z.number().min(0) }).strict(),
  z.object({ ok: z.literal(false), error: LearnerErrorSchema }).strict(),
]);
export type CallResult = z.infer<typeof CallResultSchema>;

/** What a job produced. A learner failure is data here; a grader failure is never a SandboxResult. */
export const SandboxResultSchema = z
  .object({
    compile: CompileErrorSchema.optional(),
    calls: z.array(CallResultSchema),
    stdout: z.string(),
    stdoutTruncated: z.boolean(),
  })
  .strict();
export type SandboxResult = z.infer<typeof SandboxResultSchema>;

/** The pool's answer: the learner's outcome, or a failure of the sandbox itself (crash, protocol violation). */
export type SandboxOutcome = ({ kind: "done" } & SandboxResult) | { kind: "grader-error"; message: string };

export const ModuleResultSchema = z
  .object({
    compile: CompileErrorSchema.optional(),
    error: LearnerErrorSchema.optional(),
    stdout: z.string(),
    stdoutTruncated: z.boolean(),
  })
  .strict();
export type ModuleResult = z.infer<typeof ModuleResultSchema>;
export type ModuleOutcome = ({ kind: "done" } & ModuleResult) | { kind: "grader-error"; message: string };

// ---- pool ⇄ worker messages (structured clone over the IPC channel) ----

export const WorkerJobSchema = z
  .object({
    /** The learner's (or author's) source: the worker compiles it, under the compile budgets. */
    source: z.string(),
    filename: z.string(),
    /** null: module mode, run the top level and report console output. */
    entry: z.string().nullable(),
    calls: z.array(SandboxCallSchema),
    limits: SandboxLimitsSchema,
    mathRandomSeed: z.number().int(),
  })
  .strict();
export type WorkerJob = z.infer<typeof WorkerJobSchema>;

export const ToWorkerSchema = z.discriminatedUnion("type", [
  z
    .object({
      type: z.literal("init"),
      runtimeBundle: z.string(),
      /** V8 code cache of the bundle from an earlier worker, so a fresh worker's first job is fast. */
      runtimeCache: z.instanceof(Uint8Array).optional(),
    })
    .strict(),
  z.object({ type: z.literal("job"), id: z.number().int(), job: WorkerJobSchema }).strict(),
]);
export type ToWorker = z.infer<typeof ToWorkerSchema>;

export const FromWorkerSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("ready") }).strict(),
  z.object({ type: z.literal("code-cache"), data: z.instanceof(Uint8Array) }).strict(),
  /** The job's source compiled within its budget: its wall-clock budget starts now. */
  z.object({ type: z.literal("compiled"), id: z.number().int() }).strict(),
  z
    .object({
      type: z.literal("result"),
      id: z.number().int(),
      /** Module-mode jobs report their single outcome as calls[0] (or none when it succeeded). */
      result: SandboxResultSchema,
      /** A limit was hit or something odd happened: the pool retires this worker. */
      anomaly: z.boolean(),
    })
    .strict(),
  z.object({ type: z.literal("fatal"), message: z.string() }).strict(),
]);
export type FromWorker = z.infer<typeof FromWorkerSchema>;
