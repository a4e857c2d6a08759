// `lab check`: is an exercise sound? The spec parses, the reference scores 1, the starter
// compiles and scores < 1, every known mistake fails and is named, every alternative scores 1,
// and mutants of the reference are caught by the tests. Returns precise problems; the CLI
// prints them. Edit to add an authoring rule.
import { type LoadedExercise } from "../exercise/load";
import type { GradingEngine } from "./engine";
import { mutateSolution } from "./mutate";
import type { Verdict } from "./verdict";

/** Fixed seeds: `lab check` is reproducible, and two seeds catch a test that passes by luck. */
export const CHECK_SEEDS = [1, 2] as const;

export interface ExerciseCheckReport {
  readonly id: string;
  readonly problems: string[];
  readonly notes: string[];
  readonly mutants: { total: number; caught: number; survivors: string[]; ignored: string[] };
}

function summary(verdict: Verdict): string {
  if (verdict.error) return `${verdict.status} (${verdict.error.kind}: ${verdict.error.message})`;
  const failing = verdict.tests.filter((t) => t.status !== "pass").map((t) => `${t.name}: ${t.message}`);
  return `${verdict.status}, score ${verdict.score}${failing.length ? `; ${failing.join(" | ")}` : ""}`;
}

export async function checkExercise(
  engine: GradingEngine,
  exercise: LoadedExercise,
  options: { mutants?: boolean } = {},
): Promise<ExerciseCheckReport> {
  const problems: string[] = [];
  const notes: string[] = [];
  const id = exercise.spec.id;
  const grade = (code: string, seed: number, filename: string) => engine.grade({ exercise, code, seed, locale: "en", filename, audience: "author" });

  for (const seed of CHECK_SEEDS) {
    const reference = await grade(exercise.solution, seed, "solution.ts");
    if (reference.graderError) problems.push(`solution.ts: the grader failed: ${reference.error?.message ?? ""}`);
    else if (reference.score !== 1) problems.push(`solution.ts scores ${reference.score} with seed ${seed}, not 1: ${summary(reference)}`);
    for (const [name, source] of exercise.alternatives) {
      const v = await grade(source, seed, `alternatives/${name}`);
      if (v.score !== 1) problems.push(`alternatives/${name} scores ${v.score} with seed ${seed}, not 1: ${summary(v)}`);
    }
  }

  const starter = await grade(exercise.starter, CHECK_SEEDS[0], "starter.ts");
  if (starter.error?.kind === "compile") problems.push(`starter.ts does not compile: ${starter.error.message}`);
  // The verdict names the missing export: the entry, or a test's own entry (e.g. a capstone's helper).
  else if (starter.error?.kind === "missing-export") problems.push(`starter.ts is missing an export: ${starter.error.message}`);
  else if (starter.score >= 1) problems.push("starter.ts scores 1: it must leave something to do");

  for (const mistake of exercise.spec.mistakes) {
    const source = exercise.mistakes.get(mistake.id) ?? "";
    const v = await grade(source, CHECK_SEEDS[0], mistake.file);
    const named = v.misconceptions.map((m) => m.id);
    if (v.status === "pass") problems.push(`${mistake.file} passes every test: no test catches "${mistake.id}"`);
    else if (!named.includes(mistake.id)) {
      problems.push(`${mistake.file} fails but is not named "${mistake.id}" (named: ${named.join(", ") || "none"}): ${summary(v)}`);
    }
    const others = named.filter((n) => n !== mistake.id);
    if (others.length > 0) notes.push(`${mistake.file} is also named ${others.join(", ")}: those mistakes are indistinguishable on these tests`);
  }

  const mutants = { total: 0, caught: 0, survivors: [] as string[], ignored: [] as string[] };
  if (options.mutants !== false) {
    const ignore = new Set(exercise.spec.mutation.ignore);
    const all = mutateSolution(exercise.solution);
    // Two at a time: the pool has a worker per core, and a mutant's verdict does not depend on another's.
    const verdicts: Verdict[] = [];
    let next = 0;
    await Promise.all(
      [0, 1].map(async () => {
        for (let i = next++; i < all.length; i = next++) {
          const mutant = all[i];
          if (mutant) verdicts[i] = await grade(mutant.source, CHECK_SEEDS[0], "solution.ts");
        }
      }),
    );
    all.forEach((mutant, i) => {
      const v = verdicts[i];
      if (!v) return;
      mutants.total += 1;
      if (v.graderError) {
        problems.push(`mutant ${mutant.description}: the grader failed: ${v.error?.message ?? ""}`);
        return;
      }
      if (v.score < 1) {
        mutants.caught += 1;
        return;
      }
      if (ignore.has(mutant.description)) mutants.ignored.push(mutant.description);
      else {
        mutants.survivors.push(mutant.description);
        problems.push(`mutant survives (scores 1, a test is too weak or the mutant is equivalent: add it to mutation.ignore): ${mutant.description}`);
      }
    });
    for (const description of ignore) {
      if (!mutants.ignored.includes(description)) notes.push(`mutation.ignore lists "${description}", which is not a surviving mutant`);
    }
  }
  return { id, problems, notes, mutants };
}
