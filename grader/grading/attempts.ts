// Which graded submissions count as attempts towards unlocking the reference solution (issue 11):
// only code that ran to a result. A compile error, a time-out, a result over the size budgets or a
// refused upload never ran, so five of them must not give the answer away; a grader failure is
// never the learner's. Used by the progress table (lib/server/data/progress.ts) and by the
// workspace's own count (lib/ui/exercise); edit here when the rule changes, and the messages
// `exercise.attemptRule` that state it on the page.
import type { VerdictErrorKind } from "./verdict";

/** Error kinds that mean the learner's code never ran to a result. */
export const NOT_RUN_ERROR_KINDS: ReadonlySet<string> = new Set<VerdictErrorKind>(["compile", "timeout", "too-large", "upload", "grader"]);

/** True when a verdict counts as an attempt: the code ran (pass, fail, or it threw on a test). */
export function countsAsAttempt(verdict: { readonly graderError?: boolean | undefined; readonly error?: { readonly kind: string } | undefined }): boolean {
  if (verdict.graderError === true) return false;
  return verdict.error === undefined || !NOT_RUN_ERROR_KINDS.has(verdict.error.kind);
}
