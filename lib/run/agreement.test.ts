// Run and Submit must agree on the visible examples: for every exercise, the reference solution
// and every known mistake go through the browser Run path (transpile, execute with np, compare)
// and through the server's grading, and each visible example must pass or fail in both alike.
import { afterAll, describe, expect, it } from "vitest";
import { createGrader } from "@/grader/index";
import { executeRun, type RunExample } from "./execute";
import { exampleTolerance, functionArgsOf } from "./tolerance";
import { transpileForRun } from "./transpile-node";

const grader = createGrader();
afterAll(() => grader.close());

const exerciseIds = grader.listExercises().map((e) => e.id);
// Training exercises grade for tens of seconds on a loaded machine; this is a limit, not a measurement.
const PER_EXERCISE_LIMIT_MS = 300_000;

async function browserRun(id: string, code: string): Promise<Map<string, string>> {
  const exercise = await grader.getPublicExercise(id, "en");
  const spec = grader.loadExercise(id).spec;
  const examples: RunExample[] = exercise.examples.map((e, i) => {
    const specExample = spec.examples[i];
    return {
      name: e.name,
      args: e.args,
      expected: e.expected,
      ...(typeof specExample?.npSeed === "number" ? { npSeed: specExample.npSeed } : {}),
      ...(specExample?.checks ? { tolerance: exampleTolerance(specExample.checks) } : {}),
      functionArgs: functionArgsOf(specExample?.args ?? {}),
    };
  });
  const result = executeRun({
    js: transpileForRun(code),
    entry: exercise.entry,
    params: exercise.params,
    examples,
    tolerance: exampleTolerance(spec.checks),
  });
  return new Map(result.examples.map((e) => [e.name, e.status === "pass" ? "pass" : "fail"]));
}

async function serverGrading(id: string, code: string): Promise<Map<string, string>> {
  const verdict = await grader.gradeSubmission({ exerciseId: id, code, seed: 1234, locale: "en" });
  expect(verdict.graderError ?? false).toBe(false);
  return new Map(verdict.tests.filter((t) => t.visible).map((t) => [t.name, t.status === "pass" ? "pass" : "fail"]));
}

describe("browser Run agrees with server grading on visible examples", () => {
  it.each(exerciseIds)("%s", async (id) => {
    const loaded = grader.loadExercise(id);
    const submissions = [["solution", loaded.solution] as const, ...[...loaded.mistakes].map(([name, code]) => [`mistake ${name}`, code] as const)];
    for (const [label, code] of submissions) {
      const [browser, server] = await Promise.all([browserRun(id, code), serverGrading(id, code)]);
      expect(Object.fromEntries(browser), `${id}: ${label}`).toEqual(Object.fromEntries(server));
      if (label === "solution") expect([...browser.values()].every((s) => s === "pass"), `${id}: the solution passes in the browser`).toBe(true);
    }
  }, PER_EXERCISE_LIMIT_MS);
});
