// How the grading engine talks to the sandbox: a job's limits from an exercise's, the job itself,
// and the one rule for a job that stopped early. Every run (trusted or learner) builds its job
// here and hands it to the pool (grader/sandbox), which parses what comes back from the worker;
// the values here are trusted. Edit when the engine's use of the sandbox changes.
import type { ExerciseSpec } from "../exercise/schema";
import type { CallResult, SandboxCall, SandboxJob, SandboxLimits, SandboxOutcome } from "../sandbox/index";

/** The grader itself failed (a broken exercise, a sandbox crash): never the learner's fault. */
export class GraderFailure extends Error {}

export type DoneOutcome = Extract<SandboxOutcome, { kind: "done" }>;

/** A sandbox job's limits from an exercise's: every call may use its CPU budget, plus start-up slack. */
export function jobLimits(limits: { timeoutMs: number; memoryMb: number; stdoutBytes: number }, calls: number): SandboxLimits {
  return {
    timeoutMs: limits.timeoutMs,
    memoryMb: limits.memoryMb,
    stdoutBytes: limits.stdoutBytes,
    wallMs: Math.min(600_000, limits.timeoutMs * Math.max(1, calls) + 5_000),
  };
}

/** One sandbox job: `entry` of the source on every call, within the exercise's limits. */
export function sandboxJob(source: string, filename: string, entry: string, calls: SandboxCall[], limits: ExerciseSpec["limits"]): SandboxJob {
  return { source, filename, entry, calls, limits: jobLimits(limits, calls.length) };
}

/** A finished job, or a GraderFailure: the sandbox failing is never the learner's outcome. */
export function doneOrThrow(outcome: SandboxOutcome): DoneOutcome {
  if (outcome.kind === "grader-error") throw new GraderFailure(`sandbox: ${outcome.message}`);
  return outcome;
}

/**
 * One result per call. A call missing from a job's results means the job stopped early (a limit
 * was hit): it shares the failure of the last call that ran.
 */
export function resultPerCall(outcome: DoneOutcome, count: number): CallResult[] {
  const last = outcome.calls[outcome.calls.length - 1] ?? { ok: false, error: { kind: "throw", message: "no result" } };
  return Array.from({ length: count }, (_, i) => outcome.calls[i] ?? last);
}
