// The grading engine: one submission → one Verdict. Generates the inputs in the host, runs the
// reference solution and the learner's code in separate sandbox jobs (the expected outputs never
// enter the learner's isolate), compares in the host, names known mistakes and locates the first
// diverging step. Edit to change how a verdict is put together; checks live in checks.ts.
import { createHash } from "node:crypto";
import type { ExerciseSpec, TestCase } from "../exercise/schema";
import { type LoadedExercise } from "../exercise/load";
import { runChecks, type CheckOutcome, type CustomCheckRunner, type LearnerExportRunner } from "./checks";
import { NUMPY_TOLERANCE, compareOutputs, outputsMatch } from "./compare";
import { generateCall, type ReferenceNetwork } from "./generators";
import { HIDDEN_EXPECTED_DIGITS, type Localized, joinLocalized, messages, render } from "./messages";
import { InputStream } from "./rng";
import { DISPATCH_EXPORT, TRUSTED_BUNDLE_FILENAME, buildTrustedBundle, trustedEntries } from "./trusted-bundle";
import { type CallResult, type LearnerError, type SandboxCall, type SandboxJob, type SandboxLimits, type SandboxOutcome, type SandboxPort, transpileLearnerCode } from "../sandbox/index";
import { atPath, fromPlain, type HostValue, isRecord, toPlain, toShown } from "./values";
import { type Locale, type TestResult, VERDICT_VERSION, type Verdict } from "./verdict";

/**
 * Does a submission's output reproduce a mistake's? Per key of an object output: where the
 * mistake departs from the reference, the submission must agree with the mistake (at least one
 * such key); elsewhere it may differ (another mistake). Other outputs: the whole value matches.
 */
export function reproducesMistake(actual: HostValue, mistake: HostValue, reference: HostValue): boolean {
  if (isRecord(actual) && isRecord(mistake) && isRecord(reference)) {
    let changed = 0;
    for (const key of Object.keys(reference)) {
      if (outputsMatch(mistake[key], reference[key])) continue;
      changed += 1;
      if (!outputsMatch(actual[key], mistake[key])) return false;
    }
    return changed > 0;
  }
  return outputsMatch(actual, mistake);
}

/** Examples draw their random inputs from this fixed seed: their shipped outputs never change. */
export const EXAMPLE_SEED = 0;

/** One draw of one example or test: the inputs and how to judge the output. */
export interface CaseInstance {
  readonly name: string;
  /** The export this draw calls: the exercise's entry, or the test's own `entry`. */
  readonly entry: string;
  readonly title?: Localized;
  readonly visible: boolean;
  readonly weight: number;
  readonly repetition: number;
  readonly repeat: number;
  readonly args: HostValue[];
  readonly named: ReadonlyMap<string, HostValue>;
  readonly npSeed?: number;
  readonly checks: ExerciseSpec["checks"];
}

type GradedCase = Omit<TestCase, "npSeed"> & { visible: boolean; npSeed?: number | "random" | undefined };

function casesOf(spec: ExerciseSpec, which: "all" | "examples"): GradedCase[] {
  const examples: GradedCase[] = spec.examples.map((e) => ({ ...e, weight: 1, repeat: 1, visible: true }));
  if (which === "examples") return examples;
  return [...examples, ...spec.tests.map((t) => ({ ...t, visible: false }))];
}

/** Generates every call of a submission, deterministically from the seed. */
export function buildInstances(
  spec: ExerciseSpec,
  seed: number,
  reference: ReferenceNetwork,
  which: "all" | "examples" = "all",
): CaseInstance[] {
  const instances: CaseInstance[] = [];
  for (const c of casesOf(spec, which)) {
    for (let repetition = 0; repetition < c.repeat; repetition++) {
      const stream = InputStream.forTest(c.visible ? EXAMPLE_SEED : seed, c.name, repetition);
      const { args, named } = generateCall(c, c.params ?? spec.params, { stream, bindings: new Map(), reference });
      const npSeed = c.npSeed === "random" ? stream.seed() : c.npSeed;
      instances.push({
        name: c.name,
        entry: c.entry ?? spec.entry,
        ...(c.title ? { title: c.title } : {}),
        visible: c.visible,
        weight: c.weight,
        repetition,
        repeat: c.repeat,
        args,
        named,
        ...(npSeed === undefined ? {} : { npSeed }),
        checks: c.checks ?? spec.checks,
      });
    }
  }
  return instances;
}

export function callsOf(instances: readonly CaseInstance[]): SandboxCall[] {
  return instances.map((i) => ({ args: i.args.map(toPlain), ...(i.npSeed === undefined ? {} : { npSeed: i.npSeed }) }));
}

/** The calls for the trusted bundle's dispatcher: each one's export name, then its arguments. */
function trustedCallsOf(instances: readonly CaseInstance[]): SandboxCall[] {
  return callsOf(instances).map((c, i) => ({ ...c, args: [instances[i]?.entry ?? "", ...c.args] }));
}

/** A short content hash of a job's calls (its arguments and np seeds), for the output caches. */
export function contentKey(calls: readonly SandboxCall[]): string {
  return createHash("sha256").update(JSON.stringify(calls)).digest("base64url");
}

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
function sandboxJob(source: string, filename: string, entry: string, calls: SandboxCall[], limits: ExerciseSpec["limits"]): SandboxJob {
  return { source, filename, entry, calls, limits: jobLimits(limits, calls.length) };
}

export interface GradingDeps {
  /** The sandbox to run a job in, asked for per job (the shared pool is forked on first use). */
  readonly sandbox: () => SandboxPort;
  readonly reference: ReferenceNetwork;
}

export interface GradeRequest {
  readonly exercise: LoadedExercise;
  readonly code: string;
  readonly seed: number;
  readonly locale: Locale;
  /** Names the learner's file in compile errors and stack traces. */
  readonly filename?: string;
  /**
   * Who reads the verdict: a learner (default) sees a hidden test's expected value rounded to
   * HIDDEN_EXPECTED_DIGITS; an author (`lab check`, `lab grade --author`) sees it exactly.
   */
  readonly audience?: "learner" | "author";
}

/** A hidden test's figure as a learner sees it: enough to compare, not to copy. */
function roundedForLearner(x: number): number {
  return Number.isFinite(x) && x !== 0 ? Number(x.toPrecision(HIDDEN_EXPECTED_DIGITS)) : x;
}

/** Per-(exercise version, seed) results of trusted code, so repeated grading does not rerun them. */
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

export class GraderFailure extends Error {}

interface TrustedRun {
  readonly outputs: HostValue[];
}

function learnerError(failure: LearnerError, spec: ExerciseSpec, entry: string): Localized {
  switch (failure.kind) {
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
      return messages.threw(failure.message);
    case "too-large":
      return messages.tooLarge(failure.message);
  }
}

export class GradingEngine {
  private readonly transpiled = new OutputCache(512);
  private readonly trusted = new OutputCache(256);

  constructor(private readonly deps: GradingDeps) {}

  /** Checks once per exercise version that a trusted source compiles. */
  private async transpileTrusted(exercise: LoadedExercise, file: string, source: string): Promise<string> {
    return this.transpiled.get(`${exercise.version}|${file}`, async () => {
      const out = await transpileLearnerCode(source, file);
      if (!out.ok) throw new GraderFailure(`${exercise.spec.id}/${file} does not compile: ${out.error.message}`);
      return source;
    });
  }

  /** The trusted bundle (reference and every mistake), built once per exercise version. */
  private async trustedBundle(exercise: LoadedExercise): Promise<string> {
    return this.transpiled.get(`${exercise.version}|${TRUSTED_BUNDLE_FILENAME}`, async () => {
      for (const { label, source: text } of trustedEntries(exercise)) await this.transpileTrusted(exercise, label, text);
      return buildTrustedBundle(exercise);
    });
  }

  /**
   * Runs trusted entries (0 is the reference, 1… the known mistakes) on every instance in one
   * sandbox job; outcomes come back grouped by entry.
   */
  private async runEntries(exercise: LoadedExercise, entries: readonly number[], calls: readonly SandboxCall[]): Promise<CallResult[][]> {
    const source = await this.trustedBundle(exercise);
    const outcome = await this.deps.sandbox().run(
      sandboxJob(
        source,
        TRUSTED_BUNDLE_FILENAME,
        DISPATCH_EXPORT,
        entries.flatMap((index) => calls.map((c) => ({ ...c, args: [index, ...c.args] }))),
        { ...exercise.spec.limits, timeoutMs: Math.max(exercise.spec.limits.timeoutMs, 5_000) },
      ),
    );
    if (outcome.kind === "grader-error") throw new GraderFailure(`sandbox: ${outcome.message}`);
    if (outcome.compile) throw new GraderFailure(`${exercise.spec.id}: trusted bundle does not compile: ${outcome.compile.message}`);
    if (outcome.calls.length !== entries.length * calls.length) throw new GraderFailure("the sandbox returned too few results");
    return entries.map((_, i) => outcome.calls.slice(i * calls.length, (i + 1) * calls.length));
  }

  /**
   * The reference's outputs on these instances, cached by exercise version and the instances'
   * content: two submissions that draw the same inputs (fixed cases, the planar data set, or the
   * same seed) share one reference run. A failing reference call is a grader failure.
   */
  private async runReference(exercise: LoadedExercise, instances: readonly CaseInstance[]): Promise<TrustedRun> {
    const calls = trustedCallsOf(instances);
    return this.trusted.get(`${exercise.version}|reference|${contentKey(calls)}`, async () => {
      const [reference = []] = await this.runEntries(exercise, [0], calls);
      const failed = reference.findIndex((c) => !c.ok);
      const call = reference[failed];
      if (call && !call.ok) throw new GraderFailure(`${exercise.spec.id}/solution.ts failed on ${instances[failed]?.name}: ${call.error.message}`);
      return { outputs: reference.map((c) => (c.ok ? fromPlain(c.value) : undefined)) };
    });
  }

  /**
   * Every known mistake's outcomes on these instances (mistake id → outcome per instance), run
   * only when a submission fails: a passing submission never pays for them. A failing mistake
   * call is data (the learner may fail the same way).
   */
  private async runMistakes(exercise: LoadedExercise, instances: readonly CaseInstance[]): Promise<ReadonlyMap<string, CallResult[]>> {
    const mistakes = exercise.spec.mistakes;
    if (mistakes.length === 0) return new Map();
    const calls = trustedCallsOf(instances);
    return this.trusted.get(`${exercise.version}|mistakes|${contentKey(calls)}`, async () => {
      const outcomes = await this.runEntries(exercise, mistakes.map((_, i) => i + 1), calls);
      return new Map(mistakes.map((m, i) => [m.id, outcomes[i] ?? []] as const));
    });
  }

  /** The reference outputs for a list of instances (cached by exercise version and content). */
  async referenceOutputs(exercise: LoadedExercise, instances: readonly CaseInstance[]): Promise<TrustedRun> {
    return this.runReference(exercise, instances);
  }

  async grade(request: GradeRequest): Promise<Verdict> {
    const started = performance.now();
    const { exercise, seed, locale } = request;
    const spec = exercise.spec;
    const base = {
      version: VERDICT_VERSION,
      exercise: spec.id,
      exerciseVersion: exercise.version,
      seed,
    } as const;
    const finish = (rest: Omit<Verdict, keyof typeof base | "durationMs">): Verdict => ({
      ...base,
      ...rest,
      durationMs: Math.round((performance.now() - started) * 10) / 10,
    });
    const errorVerdict = (kind: NonNullable<Verdict["error"]>["kind"], message: Localized, where: { line?: number; column?: number } = {}) =>
      finish({
        status: "error",
        score: 0,
        tests: [],
        misconceptions: [],
        stdout: "",
        error: { kind, message: render(message, locale), ...where },
      });

    // Upload checks: refuse what cannot be a TypeScript module before spending a worker on it.
    const bytes = Buffer.byteLength(request.code, "utf8");
    if (bytes > spec.limits.codeBytes) return errorVerdict("upload", messages.uploadTooLarge(bytes, spec.limits.codeBytes));
    if (request.code.includes("\0")) return errorVerdict("upload", messages.uploadNotText());

    try {
      // The learner's code is compiled once, by the sandbox, in the worker that runs it: compiling
      // is learner-controlled work and counts against the learner's budgets (ADR 007).
      const instances = buildInstances(spec, seed, this.deps.reference);
      const [reference, learner] = await Promise.all([this.runReference(exercise, instances), this.runLearnerEntries(request, instances)]);
      if (learner.kind === "grader-error") throw new GraderFailure(`sandbox: ${learner.message}`);
      if (learner.compile) {
        const { budget } = learner.compile;
        return errorVerdict("compile", budget ? messages.compileBudget(budget.kind, budget.limit) : messages.compileError(learner.compile.message), {
          ...(learner.compile.line === undefined ? {} : { line: learner.compile.line }),
          ...(learner.compile.column === undefined ? {} : { column: learner.compile.column }),
        });
      }
      return await this.judge({ exercise, request, instances, reference, learner, locale, finish });
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      return { ...errorVerdict("grader", messages.graderFailed(detail)), graderError: true };
    }
  }

  /**
   * The learner's code on every instance: one sandbox job per export the instances call (the
   * exercise's entry, and any test's own entry), in parallel, merged back into instance order.
   * A job that stopped early (a limit was hit) leaves its missing calls to the caller.
   */
  private async runLearnerEntries(request: GradeRequest, instances: readonly CaseInstance[]): Promise<SandboxOutcome> {
    const entries = [...new Set(instances.map((i) => i.entry))];
    const jobs = await Promise.all(
      entries.map((entry) => {
        const indices = instances.flatMap((instance, i) => (instance.entry === entry ? [i] : []));
        const calls = callsOf(indices.map((i) => instances[i]).filter((i): i is CaseInstance => i !== undefined));
        return this.deps.sandbox()
          .run(sandboxJob(request.code, request.filename ?? "submission.ts", entry, calls, request.exercise.spec.limits))
          .then((outcome) => ({ indices, outcome }));
      }),
    );
    if (jobs.length === 1 && jobs[0]) return jobs[0].outcome;
    const calls: CallResult[] = [];
    let stdout = "";
    let stdoutTruncated = false;
    for (const { indices, outcome } of jobs) {
      if (outcome.kind === "grader-error" || outcome.compile) return outcome;
      indices.forEach((index, k) => {
        const call = outcome.calls[k] ?? outcome.calls[outcome.calls.length - 1];
        calls[index] = call ?? { ok: false, error: { kind: "throw", message: "no result" } };
      });
      stdout += outcome.stdout;
      stdoutTruncated ||= outcome.stdoutTruncated;
    }
    const limit = request.exercise.spec.limits.stdoutBytes;
    return { kind: "done", calls, stdout: stdout.slice(0, limit), stdoutTruncated: stdoutTruncated || stdout.length > limit };
  }

  private async judge(input: {
    exercise: LoadedExercise;
    request: GradeRequest;
    instances: readonly CaseInstance[];
    reference: TrustedRun;
    learner: Extract<SandboxOutcome, { kind: "done" }>;
    locale: Locale;
    finish: (rest: Omit<Verdict, "version" | "exercise" | "exerciseVersion" | "seed" | "durationMs">) => Verdict;
  }): Promise<Verdict> {
    const { exercise, request, instances, reference, learner, locale, finish } = input;
    const spec = exercise.spec;
    const runCustom: CustomCheckRunner = async (file, exportName, calls) => {
      const source = exercise.checkFiles.get(file);
      if (source === undefined) throw new GraderFailure(`custom check ${file} was not loaded`);
      await this.transpileTrusted(exercise, file, source);
      const out = await this.deps.sandbox().run(sandboxJob(source, file, exportName, calls, spec.limits));
      if (out.kind === "grader-error") throw new GraderFailure(`sandbox: ${out.message}`);
      return out.calls;
    };
    // The learner-mode gradient check calls the learner's other exports (forward pass, cost).
    const runLearner: LearnerExportRunner = async (exportName, calls) => {
      const out = await this.deps.sandbox().run(sandboxJob(request.code, request.filename ?? "submission.ts", exportName, calls, spec.limits));
      if (out.kind === "grader-error") throw new GraderFailure(`sandbox: ${out.message}`);
      if (out.compile) return { ok: false, kind: "compile", message: messages.compileError(out.compile.message) };
      const values: HostValue[] = [];
      for (let i = 0; i < calls.length; i++) {
        // A missing result means the job stopped early: it shares the last call's failure.
        const call = out.calls[i] ?? out.calls[out.calls.length - 1];
        if (!call) return { ok: false, kind: "throw", message: messages.threw("no result") };
        if (!call.ok) return { ok: false, kind: call.error.kind, message: learnerError(call.error, spec, exportName) };
        values.push(fromPlain(call.value));
      }
      return { ok: true, values };
    };

    // A call missing from the learner's results means the job stopped early (a limit was hit):
    // it shares the failure of the last call that ran.
    const learnerCalls: CallResult[] = instances.map((_, i) => {
      const call = learner.calls[i] ?? learner.calls[learner.calls.length - 1];
      return call ?? { ok: false, error: { kind: "throw", message: "no result" } };
    });

    const outcomes: (CheckOutcome | { error: LearnerError })[] = [];
    for (let i = 0; i < instances.length; i++) {
      const instance = instances[i];
      const call = learnerCalls[i];
      if (!instance || !call) continue;
      if (!call.ok) {
        outcomes.push({ error: call.error });
        continue;
      }
      outcomes.push(
        await runChecks(instance, fromPlain(call.value), reference.outputs[i], {
          reference: this.deps.reference,
          runCustom,
          runLearner,
        }),
      );
    }

    // Fold repetitions into one result per test: every draw must pass; report the first failure.
    const tests: TestResult[] = [];
    let totalWeight = 0;
    let passedWeight = 0;
    let firstError: LearnerError | null = null;
    let firstErrorEntry = spec.entry;
    let gradientCheck: Verdict["gradientCheck"];
    for (let i = 0; i < instances.length; ) {
      const first = instances[i];
      if (!first) break;
      let j = i;
      let failure: { index: number; outcome: CheckOutcome | { error: LearnerError } } | null = null;
      while (j < instances.length && instances[j]?.name === first.name) {
        const outcome = outcomes[j];
        if (outcome && "gradient" in outcome && outcome.gradient) gradientCheck ??= outcome.gradient;
        if (outcome && !failure && ("error" in outcome || !outcome.pass)) failure = { index: j, outcome };
        j += 1;
      }
      totalWeight += first.weight;
      const title = first.title ? { title: render(first.title, locale) } : {};
      const shown = (index: number) => {
        const call = learnerCalls[index];
        return first.visible
          ? { expected: toShown(reference.outputs[index]), actual: call?.ok ? toShown(fromPlain(call.value)) : undefined }
          : {};
      };
      if (!failure) {
        passedWeight += first.weight;
        // A check may say what it verified (the gradient check: against which forward pass).
        const passed = outcomes[i];
        const message = passed && "pass" in passed && passed.message ? passed.message : messages.pass();
        tests.push({ name: first.name, ...title, status: "pass", message: render(message, locale), visible: first.visible, ...shown(i) });
      } else if ("error" in failure.outcome) {
        if (!firstError) {
          firstError = failure.outcome.error;
          firstErrorEntry = instances[failure.index]?.entry ?? spec.entry;
        }
        tests.push({
          name: first.name,
          ...title,
          status: "error",
          message: render(learnerError(failure.outcome.error, spec, instances[failure.index]?.entry ?? spec.entry), locale),
          visible: first.visible,
        });
      } else {
        const o = failure.outcome;
        const instance = instances[failure.index];
        // For a multi-step function, say which step diverges first rather than which output key
        // happens to come first in the object.
        const exact = first.visible || request.audience === "author";
        const located =
          o.mismatch && spec.diagnosis.length > 0
            ? this.locate(spec, reference.outputs[failure.index], learnerCalls[failure.index], exact)
            : null;
        const mismatchMessage = !exact && o.mismatch?.hiddenMessage && o.message === o.mismatch.message ? o.mismatch.hiddenMessage : o.message;
        let message = located ?? mismatchMessage ?? messages.pass();
        if (instance && instance.repeat > 1) message = messages.repetition(instance.repetition + 1, instance.repeat, message);
        tests.push({
          name: first.name,
          ...title,
          status: "fail",
          message: render(message, locale),
          visible: first.visible,
          ...shown(failure.index),
          ...(o.mismatch?.maxAbsError === undefined ? {} : { maxAbsError: exact ? o.mismatch.maxAbsError : roundedForLearner(o.mismatch.maxAbsError) }),
          ...(o.mismatch?.worstIndex === undefined ? {} : { worstIndex: o.mismatch.worstIndex }),
          ...(o.mismatch?.path ? { path: o.mismatch.path } : {}),
        });
      }
      i = j;
    }

    const status: Verdict["status"] = firstError ? "error" : tests.every((t) => t.status === "pass") ? "pass" : "fail";
    const score = totalWeight === 0 ? 0 : Math.round((passedWeight / totalWeight) * 1e6) / 1e6;
    const failedIndices = instances
      .map((_, i) => i)
      .filter((i) => {
        const o = outcomes[i];
        return o !== undefined && ("error" in o || !o.pass);
      });
    const misconceptions =
      status === "pass" ? [] : await this.matchMistakes(exercise, instances, reference, learnerCalls, failedIndices, locale);
    const diagnosis = status === "fail" ? this.diagnose(spec, instances, reference.outputs, learnerCalls, failedIndices, locale, request.audience === "author") : undefined;

    return finish({
      status,
      score,
      tests,
      misconceptions,
      ...(diagnosis ? { diagnosis } : {}),
      ...(gradientCheck ? { gradientCheck } : {}),
      stdout: learner.stdout,
      ...(firstError
        ? {
            error: {
              kind: firstError.kind === "not-a-function" ? "missing-export" : firstError.kind,
              message: render(learnerError(firstError, spec, firstErrorEntry), locale),
              ...(firstError.line === undefined ? {} : { line: firstError.line }),
              ...(firstError.column === undefined ? {} : { column: firstError.column }),
            },
          }
        : {}),
    });
  }

  /**
   * A known mistake is named when, on every call the submission got wrong, the submission
   * reproduces what the mistake changes: for an object output, every key where the mistake's
   * output differs from the reference's is allclose to the mistake's (so two mistakes at once are
   * both named); otherwise the whole output matches, or the same error was thrown.
   */
  private async matchMistakes(
    exercise: LoadedExercise,
    instances: readonly CaseInstance[],
    trusted: TrustedRun,
    learnerCalls: readonly CallResult[],
    failed: readonly number[],
    locale: Locale,
  ): Promise<Verdict["misconceptions"]> {
    if (failed.length === 0 || exercise.spec.mistakes.length === 0) return [];
    const found: Verdict["misconceptions"] = [];
    const outcomes = await this.runMistakes(exercise, instances);
    const runs = exercise.spec.mistakes.map((mistake) => ({ mistake, calls: outcomes.get(mistake.id) ?? [] }));
    for (const { mistake, calls } of runs) {
      const matches = failed.every((i) => {
        const mine = learnerCalls[i];
        const theirs = calls[i];
        if (!mine || !theirs) return false;
        if (!mine.ok || !theirs.ok) {
          return !mine.ok && !theirs.ok && mine.error.kind === theirs.error.kind && mine.error.message === theirs.error.message;
        }
        return reproducesMistake(fromPlain(mine.value), fromPlain(theirs.value), trusted.outputs[i]);
      });
      if (matches) found.push({ id: mistake.id, message: render(mistake.message, locale) });
    }
    return found;
  }

  /** Walks the exercise's diagnosis keys in order on the first wrong call. */
  private diagnose(
    spec: ExerciseSpec,
    instances: readonly CaseInstance[],
    expected: readonly HostValue[],
    learnerCalls: readonly CallResult[],
    failed: readonly number[],
    locale: Locale,
    author: boolean,
  ): string | undefined {
    if (spec.diagnosis.length === 0) return undefined;
    for (const i of failed) {
      const instance = instances[i];
      if (!instance) continue;
      const located = this.locate(spec, expected[i], learnerCalls[i], author || instance.visible);
      if (located) return render(located, locale);
    }
    return undefined;
  }

  /** The first diagnosis key that differs, with what the keys before it imply. */
  private locate(spec: ExerciseSpec, expected: HostValue, call: CallResult | undefined, exact: boolean): Localized | null {
    if (!call?.ok) return null;
    const actual = fromPlain(call.value);
    const rights: Localized[] = [];
    for (const step of spec.diagnosis) {
      const mismatch = compareOutputs(atPath(actual, step.key), atPath(expected, step.key), {
        ...NUMPY_TOLERANCE,
        path: step.key,
      });
      if (!mismatch) {
        rights.push(step.right);
        continue;
      }
      const detail = exact ? mismatch.message : (mismatch.hiddenMessage ?? mismatch.message);
      return joinLocalized([...rights, messages.diagnosisFirstWrong(step.step, step.wrong, detail)]);
    }
    return null;
  }
}
