// The grader's public API for servers: grade a submission or a quiz answer, list exercises and
// the course, and show an exercise to a learner's browser. Everything else in grader/ is internal:
// lib/ imports from here or from grader/browser.ts (the browser-safe door) only, and app/ not at
// all (it goes through lib/server/grader.ts); `npm run lint` enforces it (eslint.config.js).
// This file reaches Node APIs (fs, child processes): client code may import its types only.
// Edit when the public API changes (and docs/architecture.md with it).
import { z } from "zod";
import { ExerciseLoadError, type LoadedExercise, DEFAULT_EXERCISES_DIR, listExerciseIds, loadExercise } from "./exercise/load";
import { Limits } from "./exercise/schema";
import { GradingEngine } from "./grading/engine";
import { EXAMPLE_SEED, buildInstances } from "./grading/instances";
import { jobLimits } from "./grading/sandbox-jobs";
import { referenceNetwork } from "./grading/reference-network";
import { type SandboxPool, type SandboxPort, createSandboxPool } from "./sandbox/index";
import { toShown } from "./grading/values";
import { Locale, type Verdict } from "./grading/verdict";

export { Verdict, TestResult, VERDICT_VERSION, Locale } from "./grading/verdict";
export type { SandboxPort } from "./sandbox/index";
export { ExerciseLoadError } from "./exercise/load";
export type { ShownPreview } from "./grading/values";
export { loadCourse, findQuizItem, type Course } from "./exercise/course";
export { toPublicQuiz, type QuizItem, type PublicQuiz } from "./exercise/quiz";
export { EXPLANATION_AFTER_TRIES, explanationUnlocked, gradeQuizAnswer, type QuizGrade } from "./grading/quiz";
export { countsAsAttempt } from "./grading/attempts";

/** The largest submission (UTF-8 bytes) an exercise accepts unless its exercise.json sets limits.codeBytes. */
export const DEFAULT_MAX_CODE_BYTES: number = Limits.parse({}).codeBytes;

export const GradeSubmissionInput = z
  .object({
    exerciseId: z.string().min(1).max(100),
    code: z.string(),
    seed: z.number().int().min(0).max(2 ** 31 - 1).optional(),
    locale: Locale.default("en"),
    /** "author": hidden tests' expected values exactly (lab); a learner's verdict rounds them. */
    audience: z.enum(["learner", "author"]).default("learner"),
  })
  .strict();
export type GradeSubmissionInput = z.input<typeof GradeSubmissionInput>;

export interface PublicExample {
  readonly name: string;
  readonly title?: string;
  /** Argument name → value (arrays as { shape, values }). */
  readonly args: Record<string, unknown>;
  /** The reference solution's output on these arguments. */
  readonly expected: unknown;
}

/** Everything a learner's browser may see. Never the solution, hidden tests or mistakes. */
export interface PublicExercise {
  readonly id: string;
  readonly version: string;
  readonly section: string;
  readonly order: number;
  readonly title: string;
  readonly statement: string;
  readonly entry: string;
  readonly params: readonly string[];
  readonly signature: string;
  readonly starter: string;
  readonly hints: readonly string[];
  readonly examples: readonly PublicExample[];
  readonly visibleSolutionAfterAttempts: number | null;
}

export interface ExerciseSummary {
  readonly id: string;
  readonly version: string;
  readonly section: string;
  readonly order: number;
  readonly title: { readonly ko: string; readonly en: string };
}

export interface GraderOptions {
  /** Where the exercise folders are; defaults to the repository's exercises/. */
  readonly exercisesDir?: string;
  /** The sandbox to run code in; defaults to the shared worker pool of grader/sandbox. */
  readonly sandbox?: SandboxPort;
}

export interface Grader {
  gradeSubmission(input: GradeSubmissionInput): Promise<Verdict>;
  getPublicExercise(id: string, locale: Locale): Promise<PublicExercise>;
  listExercises(): ExerciseSummary[];
  /** The loaded exercise (for `lab check` and the app's solution reveal); throws ExerciseLoadError. */
  loadExercise(id: string): LoadedExercise;
  /** Runs a module's top level in the sandbox and returns its console output (`lab run`). */
  runModule(source: string, filename: string): Promise<{ stdout: string; error?: { kind: string; message: string; line?: number; column?: number } }>;
  /** Stops the shared pool if this grader used it (a sandbox passed in is the caller's to close). */
  close(): Promise<void>;
  readonly engine: GradingEngine;
  readonly exercisesDir: string;
}

export function createGrader(options: GraderOptions = {}): Grader {
  const root = options.exercisesDir ?? DEFAULT_EXERCISES_DIR;
  let usesSharedPool = false;
  // Asked for on each job: the shared pool is forked on first use (listing exercises must not
  // fork workers), and forked again after close().
  const sandbox = (): SandboxPort => {
    if (options.sandbox) return options.sandbox;
    usesSharedPool = true;
    return sharedSandboxPool();
  };
  const engine = new GradingEngine({ sandbox, reference: referenceNetwork });
  // Exercises are re-read when their folder changes: the version hash is cheap next to grading.
  const load = (id: string): LoadedExercise => loadExercise(id, root);

  return {
    engine,
    exercisesDir: root,
    loadExercise: load,
    async runModule(source, filename) {
      const limits = jobLimits({ timeoutMs: 5_000, memoryMb: 128, stdoutBytes: 100_000 }, 1);
      const out = await sandbox().runModule({ source, filename, limits });
      if (out.kind === "grader-error") return { stdout: "", error: { kind: "grader", message: out.message } };
      if (out.compile) return { stdout: out.stdout, error: { kind: "compile", ...out.compile } };
      return { stdout: out.stdout, ...(out.error ? { error: out.error } : {}) };
    },
    async close() {
      if (usesSharedPool) {
        usesSharedPool = false;
        await closeSharedSandboxPool();
      }
    },
    async gradeSubmission(input) {
      const parsed = GradeSubmissionInput.parse(input);
      const seed = parsed.seed ?? Math.floor(Math.random() * 2 ** 31);
      let exercise: LoadedExercise;
      try {
        exercise = load(parsed.exerciseId);
      } catch (error) {
        if (error instanceof ExerciseLoadError && error.problems[0] === "no such exercise") throw error;
        const message = error instanceof Error ? error.message : String(error);
        return {
          version: 1,
          exercise: parsed.exerciseId,
          exerciseVersion: "unknown",
          seed,
          status: "error",
          score: 0,
          tests: [],
          misconceptions: [],
          stdout: "",
          durationMs: 0,
          error: { kind: "grader", message },
          graderError: true,
        };
      }
      return engine.grade({ exercise, code: parsed.code, seed, locale: parsed.locale, audience: parsed.audience });
    },
    async getPublicExercise(id, locale) {
      const exercise = load(id);
      const spec = exercise.spec;
      const instances = buildInstances(spec, EXAMPLE_SEED, referenceNetwork, "examples");
      const { outputs } = await engine.referenceOutputs(exercise, instances);
      return {
        id: spec.id,
        version: exercise.version,
        section: spec.section,
        order: spec.order,
        title: spec.title[locale],
        statement: exercise.statement[locale],
        entry: spec.entry,
        params: spec.params,
        signature: spec.signature,
        starter: exercise.starter,
        hints: spec.hints.map((h) => h[locale]),
        examples: instances.map((instance, i) => ({
          name: instance.name,
          ...(instance.title ? { title: instance.title[locale] } : {}),
          args: Object.fromEntries([...instance.named].map(([k, v]) => [k, toShown(v)])),
          expected: toShown(outputs[i]),
        })),
        visibleSolutionAfterAttempts: spec.visibleSolutionAfterAttempts,
      };
    },
    listExercises() {
      return listExerciseIds(root).flatMap((id) => {
        try {
          const exercise = load(id);
          const { spec } = exercise;
          return [{ id, version: exercise.version, section: spec.section, order: spec.order, title: spec.title }];
        } catch {
          // A broken exercise is reported by `lab check`, not by hiding every other exercise.
          return [];
        }
      });
    },
  };
}

let sharedPool: SandboxPool | null = null;

/** The process-wide worker pool used by gradeSubmission, forked on first use. */
function sharedSandboxPool(): SandboxPool {
  sharedPool ??= createSandboxPool();
  return sharedPool;
}

async function closeSharedSandboxPool(): Promise<void> {
  const pool = sharedPool;
  sharedPool = null;
  await pool?.close();
}

let defaultGrader: Grader | null = null;
function grader(): Grader {
  defaultGrader ??= createGrader();
  return defaultGrader;
}

/** Grades one submission with the shared sandbox pool. Never throws for learner errors. */
export function gradeSubmission(input: GradeSubmissionInput): Promise<Verdict> {
  return grader().gradeSubmission(input);
}

export function getPublicExercise(id: string, locale: Locale): Promise<PublicExercise> {
  return grader().getPublicExercise(id, locale);
}

export function listExercises(): ExerciseSummary[] {
  return grader().listExercises();
}
