// Naming known mistakes: a failing submission is compared with each known wrong solution of the
// exercise (run by trusted-runs.ts) on the calls it got wrong. Edit to change when a mistake is named.
import type { CallResult } from "../sandbox/index";
import { outputsMatch } from "./compare";
import { type HostValue, fromPlain, isRecord } from "./values";

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

/**
 * A known mistake is named when, on every call the submission got wrong, the submission
 * reproduces what the mistake changes: for an object output, every key where the mistake's
 * output differs from the reference's is allclose to the mistake's (so two mistakes at once are
 * both named); otherwise the whole output matches, or the same error was thrown.
 */
export function matchesMistake(
  learnerCalls: readonly CallResult[],
  mistakeCalls: readonly CallResult[],
  referenceOutputs: readonly HostValue[],
  failed: readonly number[],
): boolean {
  return failed.every((i) => {
    const mine = learnerCalls[i];
    const theirs = mistakeCalls[i];
    if (!mine || !theirs) return false;
    if (!mine.ok || !theirs.ok) {
      return !mine.ok && !theirs.ok && mine.error.kind === theirs.error.kind && mine.error.message === theirs.error.message;
    }
    return reproducesMistake(fromPlain(mine.value), fromPlain(theirs.value), referenceOutputs[i]);
  });
}
