// Golden verdicts (Exercism-style): grader/grading/fixtures/<exercise>/<pass|fail|error>/<case>/
// holds submission.ts and expected.json, the stable part of its verdict (statuses, test names
// and statuses, misconception ids, error kind and position, diagnosis). Durations are left out.
// A case whose source must not compile keeps it in submission.txt, so the repository's
// typecheck and lint stay green. After an intended change, regenerate with UPDATE_FIXTURES=1 npx vitest run grader/grading/fixtures.test.ts
// and review the diff.
import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadExercise } from "../exercise/load";
import { GradingEngine } from "./engine";
import { referenceNetwork } from "./reference-network";
import { createLocalSandbox } from "../../tests/support/local-sandbox";
import type { Verdict } from "./verdict";

const root = fileURLToPath(new URL("./fixtures", import.meta.url));
const SEED = 7;

function stablePart(v: Verdict) {
  return {
    status: v.status,
    score: v.score,
    tests: v.tests.map((t) => ({ name: t.name, status: t.status })),
    misconceptions: v.misconceptions.map((m) => m.id),
    error: v.error ? { kind: v.error.kind, line: v.error.line ?? null, column: v.error.column ?? null } : null,
    diagnosis: v.diagnosis ?? null,
    gradientCheck: v.gradientCheck !== undefined,
  };
}

const local = createLocalSandbox();
const engine = new GradingEngine({ sandbox: () => local, reference: referenceNetwork });

for (const exerciseId of readdirSync(root)) {
  describe(`golden verdicts: ${exerciseId}`, () => {
    const exercise = loadExercise(exerciseId);
    for (const outcome of ["pass", "fail", "error"] as const) {
      const dir = join(root, exerciseId, outcome);
      if (!existsSync(dir)) continue;
      for (const name of readdirSync(dir)) {
        it(`${outcome}/${name}`, async () => {
          const file = ["submission.ts", "submission.txt"].map((f) => join(dir, name, f)).find((f) => existsSync(f));
          if (!file) throw new Error(`${dir}/${name} has no submission.ts`);
          const code = readFileSync(file, "utf8");
          const verdict = await engine.grade({ exercise, code, seed: SEED, locale: "en" });
          expect(verdict.status).toBe(outcome);
          expect(verdict.graderError).toBeUndefined();
          const expectedPath = join(dir, name, "expected.json");
          if (process.env["UPDATE_FIXTURES"] === "1") writeFileSync(expectedPath, `${JSON.stringify(stablePart(verdict), null, 2)}\n`);
          const expected: unknown = JSON.parse(readFileSync(expectedPath, "utf8"));
          expect(stablePart(verdict)).toEqual(expected);
        });
      }
    }
  });
}
