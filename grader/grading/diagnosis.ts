// Locating the first diverging step of a multi-step computation: the exercise's diagnosis keys
// are compared in order on a wrong call. Edit to change how a divergence is worded.
import type { ExerciseSpec } from "../exercise/schema";
import type { CallResult } from "../sandbox/index";
import { NUMPY_TOLERANCE, compareOutputs } from "./compare";
import type { CaseInstance } from "./instances";
import { type Localized, joinLocalized, messages } from "./messages";
import { type HostValue, atPath, fromPlain } from "./values";

/** The first diagnosis key that differs, with what the keys before it imply. */
export function locateDivergence(spec: ExerciseSpec, expected: HostValue, call: CallResult | undefined, exact: boolean): Localized | null {
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

/** Walks the exercise's diagnosis keys in order on the first wrong call that diverges. */
export function diagnose(
  spec: ExerciseSpec,
  instances: readonly CaseInstance[],
  expected: readonly HostValue[],
  learnerCalls: readonly CallResult[],
  failed: readonly number[],
  author: boolean,
): Localized | undefined {
  if (spec.diagnosis.length === 0) return undefined;
  for (const i of failed) {
    const instance = instances[i];
    if (!instance) continue;
    const located = locateDivergence(spec, expected[i], learnerCalls[i], author || instance.visible);
    if (located) return located;
  }
  return undefined;
}
