// Step 3 of grading: the learner's code in the sandbox, compiled and run in the worker under the
// learner's budgets (ADR 007): one job per export the instances call, and the learner's other
// exports for the learner-mode gradient check. Also how a learner error is worded. Edit to change
// how learner code is run.
import type { ExerciseSpec } from "../exercise/schema";
import type { CallResult, LearnerError, SandboxOutcome, SandboxPort } from "../sandbox/index";
import type { LearnerExportRunner } from "./checks";
import { type CaseInstance, callsOf } from "./instances";
import { type Localized, messages } from "./messages";
import { doneOrThrow, resultPerCall, sandboxJob } from "./sandbox-jobs";
import { type HostValue, fromPlain } from "./values";

/** What the engine needs of a grading request to run the learner's code. */
export interface LearnerSubmission {
  readonly code: string;
  /** Names the learner's file in compile errors and stack traces (default submission.ts). */
  readonly filename?: string;
  readonly spec: ExerciseSpec;
}

const filenameOf = (submission: LearnerSubmission): string => submission.filename ?? "submission.ts";

/**
 * The learner's code on every instance, one result per instance: one sandbox job per export the
 * instances call (the exercise's entry, and any test's own entry), in parallel, merged back into
 * instance order. A compile error or a sandbox failure is returned as it came.
 */
export async function runLearner(sandbox: SandboxPort, submission: LearnerSubmission, instances: readonly CaseInstance[]): Promise<SandboxOutcome> {
  const entries = [...new Set(instances.map((i) => i.entry))];
  const jobs = await Promise.all(
    entries.map(async (entry) => {
      const indices = instances.flatMap((instance, i) => (instance.entry === entry ? [i] : []));
      const calls = callsOf(indices.map((i) => instances[i]).filter((i): i is CaseInstance => i !== undefined));
      const outcome = await sandbox.run(sandboxJob(submission.code, filenameOf(submission), entry, calls, submission.spec.limits));
      return { indices, outcome };
    }),
  );
  const calls: CallResult[] = [];
  let stdout = "";
  let stdoutTruncated = false;
  for (const { indices, outcome } of jobs) {
    if (outcome.kind === "grader-error" || outcome.compile) return outcome;
    resultPerCall(outcome, indices.length).forEach((call, k) => {
      const index = indices[k];
      if (index !== undefined) calls[index] = call;
    });
    stdout += outcome.stdout;
    stdoutTruncated ||= outcome.stdoutTruncated;
  }
  if (jobs.length === 1) return { kind: "done", calls, stdout, stdoutTruncated };
  const limit = submission.spec.limits.stdoutBytes;
  return { kind: "done", calls, stdout: stdout.slice(0, limit), stdoutTruncated: stdoutTruncated || stdout.length > limit };
}

/** Runs another export of the learner's file on a batch of calls (the learner-mode gradient check). */
export function learnerExportRunner(sandbox: () => SandboxPort, submission: LearnerSubmission): LearnerExportRunner {
  return async (exportName, calls) => {
    const job = sandboxJob(submission.code, filenameOf(submission), exportName, calls, submission.spec.limits);
    const out = doneOrThrow(await sandbox().run(job));
    if (out.compile) return { ok: false, kind: "compile", message: messages.compileError(out.compile.message) };
    const values: HostValue[] = [];
    for (const call of resultPerCall(out, calls.length)) {
      if (!call.ok) return { ok: false, kind: call.error.kind, message: learnerErrorMessage(call.error, submission.spec, exportName) };
      values.push(fromPlain(call.value));
    }
    return { ok: true, values };
  };
}

/** A learner error as the learner reads it. */
export function learnerErrorMessage(error: LearnerError, spec: ExerciseSpec, entry: string): Localized {
  switch (error.kind) {
    case "timeout":
      return messages.timeout(spec.limits.timeoutMs);
    case "cpu":
      return messages.cpu(spec.limits.timeoutMs);
    case "memory":
      return messages.memory(spec.limits.memoryMb);
    case "missing-export":
      return messages.missingExport(entry);
    case "not-a-function":
      return messages.notAFunction(entry);
    case "throw":
      return messages.threw(error.message);
    case "too-large":
      return messages.tooLarge(error.message);
  }
}
