// The grading engine: one submission → one Verdict, as named steps. The inputs are generated in
// the host (instances.ts); the reference and the learner's code run in separate sandbox jobs, so
// the expected outputs never enter the learner's isolate (trusted-runs.ts, learner-runs.ts); the
// outputs are judged in the host (judge.ts, checks.ts); a failing submission gets its known
// mistakes named (mistakes.ts) and its first diverging step located (diagnosis.ts); the verdict
// is assembled here. Edit to change the order of the steps or the verdict's assembly.
import type { LoadedExercise } from "../exercise/load";
import type { SandboxPort } from "../sandbox/index";
import { diagnose } from "./diagnosis";
import type { ReferenceNetwork } from "./generators";
import { type CaseInstance, buildInstances } from "./instances";
import { checkInstances, foldTests, isFailure, type InstanceOutcome } from "./judge";
import { learnerErrorMessage, learnerExportRunner, runLearner } from "./learner-runs";
import { type Localized, messages, render } from "./messages";
import { matchesMistake } from "./mistakes";
import { type DoneOutcome, GraderFailure } from "./sandbox-jobs";
import { type TrustedRun, TrustedRuns } from "./trusted-runs";
import { type Locale, VERDICT_VERSION, type Verdict } from "./verdict";

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

type VerdictBody = Omit<Verdict, "version" | "exercise" | "exerciseVersion" | "seed" | "durationMs">;

function errorBody(kind: NonNullable<Verdict["error"]>["kind"], message: Localized, locale: Locale, where: { line?: number; column?: number } = {}): VerdictBody {
  return { status: "error", score: 0, tests: [], misconceptions: [], stdout: "", error: { kind, message: render(message, locale), ...where } };
}

export class GradingEngine {
  private readonly trusted: TrustedRuns;

  constructor(private readonly deps: GradingDeps) {
    this.trusted = new TrustedRuns(deps.sandbox);
  }

  /** The reference outputs for a list of instances (cached by exercise version and content). */
  referenceOutputs(exercise: LoadedExercise, instances: readonly CaseInstance[]): Promise<TrustedRun> {
    return this.trusted.reference(exercise, instances);
  }

  async grade(request: GradeRequest): Promise<Verdict> {
    const started = performance.now();
    const { exercise, seed } = request;
    const { graderError, ...body } = await this.verdictBody(request);
    return {
      version: VERDICT_VERSION,
      exercise: exercise.spec.id,
      exerciseVersion: exercise.version,
      seed,
      ...body,
      durationMs: Math.round((performance.now() - started) * 10) / 10,
      ...(graderError === undefined ? {} : { graderError }),
    };
  }

  private async verdictBody(request: GradeRequest): Promise<VerdictBody> {
    const { exercise, seed, locale } = request;
    const spec = exercise.spec;
    // Upload checks: refuse what cannot be a TypeScript module before spending a worker on it.
    const bytes = Buffer.byteLength(request.code, "utf8");
    if (bytes > spec.limits.codeBytes) return errorBody("upload", messages.uploadTooLarge(bytes, spec.limits.codeBytes), locale);
    if (request.code.includes("\0")) return errorBody("upload", messages.uploadNotText(), locale);

    try {
      // The learner's code is compiled once, by the sandbox, in the worker that runs it: compiling
      // is learner-controlled work and counts against the learner's budgets (ADR 007).
      const instances = buildInstances(spec, seed, this.deps.reference);
      const submission = { code: request.code, spec, ...(request.filename === undefined ? {} : { filename: request.filename }) };
      const [reference, learner] = await Promise.all([
        this.trusted.reference(exercise, instances),
        runLearner(this.deps.sandbox(), submission, instances),
      ]);
      if (learner.kind === "grader-error") throw new GraderFailure(`sandbox: ${learner.message}`);
      if (learner.compile) {
        const { budget, message, line, column } = learner.compile;
        return errorBody("compile", budget ? messages.compileBudget(budget.kind, budget.limit) : messages.compileError(message), locale, {
          ...(line === undefined ? {} : { line }),
          ...(column === undefined ? {} : { column }),
        });
      }
      return await this.judge(request, instances, reference, learner);
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      return { ...errorBody("grader", messages.graderFailed(detail), locale), graderError: true };
    }
  }

  /** Checks, folds, names mistakes and locates the divergence: the verdict of a submission that ran. */
  private async judge(request: GradeRequest, instances: readonly CaseInstance[], reference: TrustedRun, learner: DoneOutcome): Promise<VerdictBody> {
    const { exercise, locale } = request;
    const spec = exercise.spec;
    const author = request.audience === "author";
    const outcomes = await checkInstances(instances, learner.calls, reference.outputs, {
      reference: this.deps.reference,
      runCustom: this.trusted.customCheckRunner(exercise),
      // The learner-mode gradient check calls the learner's other exports (forward pass, cost).
      runLearner: learnerExportRunner(this.deps.sandbox, { code: request.code, spec, ...(request.filename === undefined ? {} : { filename: request.filename }) }),
    });
    const judged = { spec, instances, outcomes, learnerCalls: learner.calls, referenceOutputs: reference.outputs, locale, author };
    const { tests, score, firstError, gradientCheck } = foldTests(judged);

    const status: Verdict["status"] = firstError ? "error" : tests.every((t) => t.status === "pass") ? "pass" : "fail";
    const failed = failedIndices(outcomes);
    const misconceptions = status === "pass" ? [] : await this.namedMistakes(exercise, instances, reference, learner, failed, locale);
    const diagnosis = status === "fail" ? diagnose(spec, instances, reference.outputs, learner.calls, failed, author) : undefined;
    return {
      status,
      score,
      tests,
      misconceptions,
      ...(diagnosis ? { diagnosis: render(diagnosis, locale) } : {}),
      ...(gradientCheck ? { gradientCheck } : {}),
      stdout: learner.stdout,
      ...(firstError
        ? {
            error: {
              kind: firstError.error.kind === "not-a-function" ? "missing-export" : firstError.error.kind,
              message: render(learnerErrorMessage(firstError.error, spec, firstError.entry), locale),
              ...(firstError.error.line === undefined ? {} : { line: firstError.error.line }),
              ...(firstError.error.column === undefined ? {} : { column: firstError.error.column }),
            },
          }
        : {}),
    };
  }

  /** The known mistakes the submission reproduces on every call it got wrong (mistakes.ts). */
  private async namedMistakes(
    exercise: LoadedExercise,
    instances: readonly CaseInstance[],
    reference: TrustedRun,
    learner: DoneOutcome,
    failed: readonly number[],
    locale: Locale,
  ): Promise<Verdict["misconceptions"]> {
    if (failed.length === 0 || exercise.spec.mistakes.length === 0) return [];
    const results = await this.trusted.mistakes(exercise, instances);
    return exercise.spec.mistakes
      .filter((mistake) => matchesMistake(learner.calls, results.get(mistake.id) ?? [], reference.outputs, failed))
      .map((mistake) => ({ id: mistake.id, message: render(mistake.message, locale) }));
  }
}

function failedIndices(outcomes: readonly InstanceOutcome[]): number[] {
  return outcomes.flatMap((outcome, i) => (isFailure(outcome) ? [i] : []));
}
