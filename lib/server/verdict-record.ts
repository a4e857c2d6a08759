// The verdict as stored in submissions.verdict: the grader's Verdict contract
// (docs/architecture.md, grader/grading/verdict.ts), validated again on the way out of the
// database and filtered before it reaches a learner. Unknown fields are kept (a newer grader may
// add some); the fields we rely on are checked. Edit with the Verdict contract.
import { z } from "zod";

export const VerdictTestRecord = z.looseObject({
  name: z.string(),
  status: z.string(),
  message: z.string().optional(),
  visible: z.boolean(),
  expected: z.unknown().optional(),
  actual: z.unknown().optional(),
  maxAbsError: z.number().nullable().optional(),
  worstIndex: z.unknown().optional(),
});

export const VerdictRecord = z.looseObject({
  version: z.union([z.number(), z.string()]),
  exercise: z.string(),
  exerciseVersion: z.string(),
  seed: z.number(),
  status: z.enum(["pass", "fail", "error"]),
  score: z.number().min(0).max(1),
  tests: z.array(VerdictTestRecord),
  misconceptions: z.array(z.looseObject({ id: z.string(), message: z.string() })),
  gradientCheck: z.unknown().optional(),
  stdout: z.string(),
  durationMs: z.number(),
  error: z.looseObject({ kind: z.string(), message: z.string() }).optional(),
  graderError: z.boolean().optional(),
});
export type VerdictRecord = z.infer<typeof VerdictRecord>;

/**
 * What a learner may see of a verdict: hidden tests keep their name, status, message and error
 * size, but never the expected value (it is the reference network's output on hidden inputs).
 */
export function verdictForLearner(verdict: VerdictRecord): VerdictRecord {
  return {
    ...verdict,
    tests: verdict.tests.map((test) => {
      if (test.visible) return test;
      const { expected: _expected, ...rest } = test;
      return rest;
    }),
  };
}
