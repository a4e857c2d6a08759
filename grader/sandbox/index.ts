// The sandbox's public API: everything else in grader/sandbox is internal.
//
//   const pool = createSandboxPool({ size: 2, recycleAfter: 50 });
//   const outcome = await pool.run({
//     source: 'import * as np from "np"; export function sigmoid(z) { return np.divide(1, np.add(1, np.exp(np.negative(z)))); }',
//     filename: "submission.ts",
//     entry: "sigmoid",
//     calls: [{ args: [{ $nd: { shape: [2], data: [0, 1] } }], npSeed: 1 }],
//     limits: { timeoutMs: 2000, memoryMb: 128, wallMs: 20000 },   // optional: DEFAULT_LIMITS
//     mathRandomSeed: 0,                                           // optional
//   });
//   // outcome.kind === "grader-error": the sandbox failed (crash, protocol); never the learner's fault.
//   // outcome.kind === "done": outcome.compile (compile error, then calls is []) or one entry per call:
//   //   { ok: true, value: PlainValue, durationMs } | { ok: false, error: { kind, message, line?, column? } }
//   //   kind: "throw" | "timeout" | "memory" | "cpu" | "missing-export" | "not-a-function" | "too-large"
//   //   (too-large: a result over the value budgets of constants.ts, e.g. shape (1000000000, 0))
//   //   plus stdout (captured console output, capped at limits.stdoutBytes characters) and stdoutTruncated.
//   await pool.runModule({ source, filename });  // → { kind: "done", compile?, error?, stdout, stdoutTruncated }
//   await pool.close();
//
// Values (PlainValue): numbers (NaN and ±Infinity survive), booleans, strings, null, arrays, plain
// objects, { $nd: { shape, data } } (an np NDArray inside the isolate; results come back with data
// as a Float64Array) and { $fn: source } (TRUSTED author code, made a function inside the isolate).
// Results never contain $fn; learner objects with keys starting with "$" are refused.
//
// Budgets (constants.ts, ADR 007): values over MAX_NDIM / MAX_DIM / MAX_ELEMENTS / MAX_VALUE_CHARS
// come back as "too-large"; the pool compiles every job's source in its worker under
// limits.compileTimeoutMs / compileMemoryMb after a MAX_NESTING scan (outcome.compile.budget says
// which budget a source broke). transpileLearnerCode(source, filename) compiles in the CALLER's
// process without running (same rules, cached): for trusted author code only, never learner code.
// validateUpload(bytes) checks an uploaded file before anything else.
export { createSandboxPool, type SandboxPool, type SandboxPort, type SandboxPoolOptions, type SandboxPoolStats } from "./pool";
export { transpileLearnerCode, type TranspileResult, ONLY_NP_MESSAGE } from "./transpile";
export { validateUpload, type UploadCheck, DEFAULT_MAX_UPLOAD_BYTES } from "./upload";
export {
  type PlainValue,
  PlainValueSchema,
  type SandboxJob,
  SandboxJobSchema,
  type SandboxCall,
  type SandboxLimits,
  DEFAULT_LIMITS,
  type SandboxResult,
  type SandboxOutcome,
  type ModuleJob,
  type ModuleResult,
  type ModuleOutcome,
  type CallResult,
  type LearnerError,
  type LearnerErrorKind,
  type CompileError,
} from "./protocol";
