// Step 2 of grading: trusted code in the sandbox. The reference solution and the known mistakes
// run as one trusted bundle (their outputs never enter the learner's isolate), custom checks as
// their own files; results are cached per exercise version and inputs, so repeated grading does
// not rerun them. Edit to change what trusted code runs or how its results are cached.
import type { LoadedExercise } from "../exercise/load";
import { type CallResult, type SandboxCall, type SandboxPort, transpileLearnerCode } from "../sandbox/index";
import type { CustomCheckRunner } from "./checks";
import { type CaseInstance, callsOf, contentKey } from "./instances";
import { GraderFailure, doneOrThrow, sandboxJob } from "./sandbox-jobs";
import { DISPATCH_EXPORT, TRUSTED_BUNDLE_FILENAME, buildTrustedBundle, trustedEntries } from "./trusted-bundle";
import { type HostValue, fromPlain } from "./values";

/** Per-(exercise version, inputs) results of trusted code, least recently used first out. */
export class OutputCache {
  private readonly entries = new Map<string, Promise<unknown>>();
  constructor(private readonly capacity = 256) {}

  get<T>(key: string, compute: () => Promise<T>): Promise<T> {
    const hit = this.entries.get(key);
    if (hit) {
      // Re-insert to keep the most recently used entries at the end (LRU by insertion order).
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit as Promise<T>;
    }
    const value = compute();
    this.entries.set(key, value);
    // A failed computation must not be cached: the next submission retries.
    value.catch(() => this.entries.delete(key));
    while (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
    return value;
  }
}

export interface TrustedRun {
  readonly outputs: HostValue[];
}

/** The calls for the trusted bundle's dispatcher: each one's export name, then its arguments. */
function trustedCallsOf(instances: readonly CaseInstance[]): SandboxCall[] {
  return callsOf(instances).map((c, i) => ({ ...c, args: [instances[i]?.entry ?? "", ...c.args] }));
}

export class TrustedRuns {
  private readonly transpiled = new OutputCache(512);
  private readonly outputs = new OutputCache(256);

  constructor(private readonly sandbox: () => SandboxPort) {}

  /**
   * The reference's outputs on these instances, cached by exercise version and the instances'
   * content: two submissions that draw the same inputs (fixed cases, the planar data set, or the
   * same seed) share one reference run. A failing reference call is a grader failure.
   */
  reference(exercise: LoadedExercise, instances: readonly CaseInstance[]): Promise<TrustedRun> {
    const calls = trustedCallsOf(instances);
    return this.outputs.get(`${exercise.version}|reference|${contentKey(calls)}`, async () => {
      const [reference = []] = await this.runEntries(exercise, [0], calls);
      const failed = reference.findIndex((c) => !c.ok);
      const call = reference[failed];
      if (call && !call.ok) throw new GraderFailure(`${exercise.spec.id}/solution.ts failed on ${instances[failed]?.name}: ${call.error.message}`);
      return { outputs: reference.map((c) => (c.ok ? fromPlain(c.value) : undefined)) };
    });
  }

  /**
   * Every known mistake's results on these instances (mistake id → result per instance), run
   * only when a submission fails: a passing submission never pays for them. A failing mistake
   * call is data (the learner may fail the same way).
   */
  mistakes(exercise: LoadedExercise, instances: readonly CaseInstance[]): Promise<ReadonlyMap<string, CallResult[]>> {
    const mistakes = exercise.spec.mistakes;
    if (mistakes.length === 0) return Promise.resolve(new Map());
    const calls = trustedCallsOf(instances);
    return this.outputs.get(`${exercise.version}|mistakes|${contentKey(calls)}`, async () => {
      const results = await this.runEntries(exercise, mistakes.map((_, i) => i + 1), calls);
      return new Map(mistakes.map((m, i) => [m.id, results[i] ?? []] as const));
    });
  }

  /** Runs the exercise's custom check files (author code) for checks.ts. */
  customCheckRunner(exercise: LoadedExercise): CustomCheckRunner {
    return async (file, exportName, calls) => {
      const source = exercise.checkFiles.get(file);
      if (source === undefined) throw new GraderFailure(`custom check ${file} was not loaded`);
      await this.compiles(exercise, file, source);
      return doneOrThrow(await this.sandbox().run(sandboxJob(source, file, exportName, calls, exercise.spec.limits))).calls;
    };
  }

  /** Checks once per exercise version that a trusted source compiles. */
  private compiles(exercise: LoadedExercise, file: string, source: string): Promise<string> {
    return this.transpiled.get(`${exercise.version}|${file}`, async () => {
      const out = await transpileLearnerCode(source, file);
      if (!out.ok) throw new GraderFailure(`${exercise.spec.id}/${file} does not compile: ${out.error.message}`);
      return source;
    });
  }

  /** The trusted bundle (reference and every mistake), built once per exercise version. */
  private bundle(exercise: LoadedExercise): Promise<string> {
    return this.transpiled.get(`${exercise.version}|${TRUSTED_BUNDLE_FILENAME}`, async () => {
      for (const { label, source: text } of trustedEntries(exercise)) await this.compiles(exercise, label, text);
      return buildTrustedBundle(exercise);
    });
  }

  /**
   * Runs trusted entries (0 is the reference, 1… the known mistakes) on every call in one
   * sandbox job; results come back grouped by entry.
   */
  private async runEntries(exercise: LoadedExercise, entries: readonly number[], calls: readonly SandboxCall[]): Promise<CallResult[][]> {
    const source = await this.bundle(exercise);
    const job = sandboxJob(
      source,
      TRUSTED_BUNDLE_FILENAME,
      DISPATCH_EXPORT,
      entries.flatMap((index) => calls.map((c) => ({ ...c, args: [index, ...c.args] }))),
      { ...exercise.spec.limits, timeoutMs: Math.max(exercise.spec.limits.timeoutMs, 5_000) },
    );
    const outcome = doneOrThrow(await this.sandbox().run(job));
    if (outcome.compile) throw new GraderFailure(`${exercise.spec.id}: trusted bundle does not compile: ${outcome.compile.message}`);
    if (outcome.calls.length !== entries.length * calls.length) throw new GraderFailure("the sandbox returned too few results");
    return entries.map((_, i) => outcome.calls.slice(i * calls.length, (i + 1) * calls.length));
  }
}
