// The Verdict: the versioned result of grading one submission, produced by gradeSubmission and
// stored, sent to the browser and printed by `lab grade --json`. Bump VERDICT_VERSION on any
// incompatible change and document it in docs/authoring.md.
import { z } from "zod";

export const VERDICT_VERSION = 1;

export const Locale = z.enum(["ko", "en"]).describe("Language of every verdict string");
export type Locale = z.infer<typeof Locale>;

/** The verdict's `error.kind`: the sandbox's learner errors (grader/sandbox/protocol.ts) as a learner reads them, plus the grader's own. */
export const VerdictErrorKind = z
  .enum(["compile", "throw", "timeout", "memory", "cpu", "missing-export", "too-large", "upload", "grader"])
  .describe("Why the code could not be graded; too-large = a result over the sandbox's size budgets; grader = the grader itself failed");
export type VerdictErrorKind = z.infer<typeof VerdictErrorKind>;

export const TestResult = z
  .object({
    name: z.string().describe("Stable test name from exercise.json"),
    title: z.string().optional().describe("What the test checks"),
    status: z.enum(["pass", "fail", "error"]),
    message: z.string().describe("What is right or wrong, in the verdict's locale"),
    visible: z.boolean().describe("An example (inputs and outputs shown) or a hidden test"),
    expected: z.unknown().optional().describe("Reference output (visible tests only)"),
    actual: z.unknown().optional().describe("Learner output (visible tests only)"),
    maxAbsError: z.number().optional().describe("Largest |actual − expected| where shapes agree"),
    worstIndex: z.array(z.number().int()).optional().describe("Index of the worst entry"),
    path: z.string().optional().describe("Which part of the output is wrong, e.g. dW1"),
  })
  .strict();
export type TestResult = z.infer<typeof TestResult>;

export const Verdict = z
  .object({
    version: z.literal(VERDICT_VERSION),
    exercise: z.string(),
    exerciseVersion: z.string().describe("Content hash of the exercise folder"),
    seed: z.number().int(),
    status: z.enum(["pass", "fail", "error"]),
    score: z.number().min(0).max(1).describe("Weighted partial credit"),
    tests: z.array(TestResult),
    misconceptions: z.array(z.object({ id: z.string(), message: z.string() }).strict()),
    diagnosis: z.string().optional().describe("Where a multi-step computation first diverges"),
    gradientCheck: z
      .object({
        difference: z.number().describe("‖g − ĝ‖ / (‖g‖ + ‖ĝ‖) over all parameters"),
        perParameter: z.record(z.string(), z.number()),
      })
      .strict()
      .optional(),
    stdout: z.string(),
    durationMs: z.number().min(0),
    error: z
      .object({
        kind: VerdictErrorKind,
        message: z.string(),
        line: z.number().int().optional(),
        column: z.number().int().optional(),
      })
      .strict()
      .optional(),
    graderError: z.boolean().optional().describe("True when the grader failed: not the learner's fault, not an attempt"),
  })
  .strict();
export type Verdict = z.infer<typeof Verdict>;
