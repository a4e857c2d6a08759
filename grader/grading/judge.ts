// Step 4 of grading: judging. Each learner result is checked against the reference in the host
// (checks.ts), then the repetitions of each test are folded into one TestResult: every draw must
// pass, the first failure is reported. Edit to change what a test result says.
import type { ExerciseSpec } from "../exercise/schema";
import type { CallResult, LearnerError } from "../sandbox/index";
import { type CheckContext, type CheckOutcome, runChecks } from "./checks";
import { locateDivergence } from "./diagnosis";
import type { CaseInstance } from "./instances";
import { HIDDEN_EXPECTED_DIGITS, type Localized, messages, render } from "./messages";
import { learnerErrorMessage } from "./learner-runs";
import { type HostValue, fromPlain, toShown } from "./values";
import type { Locale, TestResult, Verdict } from "./verdict";

/** What one instance came to: the checks' outcome, or the learner's error. */
export type InstanceOutcome = CheckOutcome | { readonly error: LearnerError };

export const isFailure = (outcome: InstanceOutcome): boolean => "error" in outcome || !outcome.pass;

/** Runs the checks of every instance the learner's code answered; an error is kept as it is. */
export async function checkInstances(
  instances: readonly CaseInstance[],
  learnerCalls: readonly CallResult[],
  referenceOutputs: readonly HostValue[],
  ctx: CheckContext,
): Promise<InstanceOutcome[]> {
  const outcomes: InstanceOutcome[] = [];
  for (let i = 0; i < instances.length; i++) {
    const instance = instances[i];
    const call = learnerCalls[i];
    if (!instance || !call) continue;
    outcomes.push(call.ok ? await runChecks(instance, fromPlain(call.value), referenceOutputs[i], ctx) : { error: call.error });
  }
  return outcomes;
}

export interface JudgeInput {
  readonly spec: ExerciseSpec;
  readonly instances: readonly CaseInstance[];
  readonly outcomes: readonly InstanceOutcome[];
  readonly learnerCalls: readonly CallResult[];
  readonly referenceOutputs: readonly HostValue[];
  readonly locale: Locale;
  /** Who reads the verdict: an author sees hidden tests' figures exactly. */
  readonly author: boolean;
}

export interface FoldedTests {
  readonly tests: TestResult[];
  readonly score: number;
  /** The first learner error, and the export it came from. */
  readonly firstError: { readonly error: LearnerError; readonly entry: string } | null;
  readonly gradientCheck?: Verdict["gradientCheck"];
}

/** A hidden test's figure as a learner sees it: enough to compare, not to copy. */
function roundedForLearner(x: number): number {
  return Number.isFinite(x) && x !== 0 ? Number(x.toPrecision(HIDDEN_EXPECTED_DIGITS)) : x;
}

/** Folds the repetitions of each test (consecutive instances with one name) into one result. */
export function foldTests(input: JudgeInput): FoldedTests {
  const { instances, outcomes } = input;
  const tests: TestResult[] = [];
  let totalWeight = 0;
  let passedWeight = 0;
  let firstError: FoldedTests["firstError"] = null;
  let gradientCheck: Verdict["gradientCheck"];
  for (let i = 0; i < instances.length; ) {
    const first = instances[i];
    if (!first) break;
    let j = i;
    let failed: number | null = null;
    while (j < instances.length && instances[j]?.name === first.name) {
      const outcome = outcomes[j];
      if (outcome && "gradient" in outcome && outcome.gradient) gradientCheck ??= outcome.gradient;
      if (outcome && failed === null && isFailure(outcome)) failed = j;
      j += 1;
    }
    totalWeight += first.weight;
    const failure = failed === null ? undefined : outcomes[failed];
    if (failed === null || failure === undefined) {
      passedWeight += first.weight;
      tests.push(passedTest(input, i));
    } else if ("error" in failure) {
      const entry = instances[failed]?.entry ?? input.spec.entry;
      firstError ??= { error: failure.error, entry };
      tests.push(erroredTest(input, i, failure.error, entry));
    } else {
      tests.push(failedTest(input, i, failed, failure));
    }
    i = j;
  }
  const score = totalWeight === 0 ? 0 : Math.round((passedWeight / totalWeight) * 1e6) / 1e6;
  return { tests, score, firstError, ...(gradientCheck ? { gradientCheck } : {}) };
}

/** A test's result, in the verdict's key order; `first` is the test's first instance. */
function testResult(input: JudgeInput, first: number, status: TestResult["status"], message: Localized, rest: Partial<TestResult> = {}): TestResult {
  const instance = input.instances[first];
  return {
    name: instance?.name ?? "",
    ...(instance?.title ? { title: render(instance.title, input.locale) } : {}),
    status,
    message: render(message, input.locale),
    visible: instance?.visible ?? false,
    ...rest,
  };
}

/** An example shows its expected and actual values; a hidden test shows neither. */
function shownValues(input: JudgeInput, first: number, index: number) {
  if (!input.instances[first]?.visible) return {};
  const call = input.learnerCalls[index];
  return { expected: toShown(input.referenceOutputs[index]), actual: call?.ok ? toShown(fromPlain(call.value)) : undefined };
}

function passedTest(input: JudgeInput, first: number): TestResult {
  // A check may say what it verified (the gradient check: against which forward pass).
  const outcome = input.outcomes[first];
  const message = outcome && "pass" in outcome && outcome.message ? outcome.message : messages.pass();
  return testResult(input, first, "pass", message, shownValues(input, first, first));
}

function erroredTest(input: JudgeInput, first: number, error: LearnerError, entry: string): TestResult {
  return testResult(input, first, "error", learnerErrorMessage(error, input.spec, entry));
}

function failedTest(input: JudgeInput, first: number, index: number, outcome: CheckOutcome): TestResult {
  const { spec } = input;
  const instance = input.instances[index];
  const exact = input.instances[first]?.visible === true || input.author;
  // For a multi-step function, say which step diverges first rather than which output key
  // happens to come first in the object.
  const located =
    outcome.mismatch && spec.diagnosis.length > 0 ? locateDivergence(spec, input.referenceOutputs[index], input.learnerCalls[index], exact) : null;
  const mismatchMessage =
    !exact && outcome.mismatch?.hiddenMessage && outcome.message === outcome.mismatch.message ? outcome.mismatch.hiddenMessage : outcome.message;
  let message = located ?? mismatchMessage ?? messages.pass();
  if (instance && instance.repeat > 1) message = messages.repetition(instance.repetition + 1, instance.repeat, message);
  const { mismatch } = outcome;
  return testResult(input, first, "fail", message, {
    ...shownValues(input, first, index),
    ...(mismatch?.maxAbsError === undefined ? {} : { maxAbsError: exact ? mismatch.maxAbsError : roundedForLearner(mismatch.maxAbsError) }),
    ...(mismatch?.worstIndex === undefined ? {} : { worstIndex: mismatch.worstIndex }),
    ...(mismatch?.path ? { path: mismatch.path } : {}),
  });
}
