// The exercise schema: the worked exercises parse, mistakes in a spec are rejected, and the
// committed JSON Schema matches the zod schema.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { renderExerciseJsonSchema } from "./json-schema";
import { ExerciseSpec } from "./schema";

const minimal = {
  id: "relu",
  section: "activation-functions",
  order: 3,
  title: { ko: "ReLU", en: "ReLU" },
  entry: "relu",
  params: ["z"],
  signature: "function relu(z: np.NDArray): np.NDArray",
  tests: [{ name: "random", args: { z: { gen: "randn", shape: [3, 4] } } }],
};

describe("ExerciseSpec", () => {
  it("fills documented defaults", () => {
    const spec = ExerciseSpec.parse(minimal);
    expect(spec.limits.timeoutMs).toBe(2000);
    expect(spec.checks).toEqual([{ check: "allclose", path: "", rtol: 1e-5, atol: 1e-8, accept: [] }]);
    expect(spec.tests[0]?.weight).toBe(1);
    expect(spec.visibleSolutionAfterAttempts).toBeNull();
  });

  it("rejects unknown fields (strict)", () => {
    const result = ExerciseSpec.safeParse({ ...minimal, difficulty: 3 });
    expect(result.success).toBe(false);
  });

  it("rejects an argument that is not a parameter and duplicate test names", () => {
    const bad = {
      ...minimal,
      tests: [
        { name: "a", args: { x: 1 } },
        { name: "a", args: { z: 1 } },
      ],
    };
    const result = ExerciseSpec.safeParse(bad);
    expect(result.success).toBe(false);
    const messages = result.error?.issues.map((i) => i.message) ?? [];
    expect(messages).toContain('test "a": argument "x" is not in params');
    expect(messages).toContain('duplicate test name "a"');
  });

  it("binds a test with its own entry by that test's params, given together", () => {
    const own = { name: "b", entry: "reluDerivative", params: ["x"], args: { x: 1 } };
    expect(ExerciseSpec.safeParse({ ...minimal, tests: [own] }).success).toBe(true);
    const { params: _params, ...entryOnly } = own;
    const messages = ExerciseSpec.safeParse({ ...minimal, tests: [entryOnly] }).error?.issues.map((i) => i.message) ?? [];
    expect(messages).toContain('test "b": give `entry` and `params` together');
    expect(messages).toContain('test "b": argument "x" is not in params');
  });

  it("defaults the gradient check to the reference forward pass and the course's export names", () => {
    const check = { check: "gradient", parameters: "p", X: "X", Y: "Y", gradients: { W1: "dW1" } };
    const spec = ExerciseSpec.parse({ ...minimal, checks: [check] });
    expect(spec.checks[0]).toMatchObject({ forward: "reference", forwardExport: "forwardPropagation", costExport: "computeCost" });
    expect(ExerciseSpec.safeParse({ ...minimal, checks: [{ ...check, forward: "mine" }] }).success).toBe(false);
  });

  it("rejects an unknown generator", () => {
    const bad = { ...minimal, tests: [{ name: "a", args: { z: { gen: "gaussian", shape: [2] } } }] };
    expect(ExerciseSpec.safeParse(bad).success).toBe(false);
  });

  it("parses nested reference generators", () => {
    const spec = ExerciseSpec.parse({
      ...minimal,
      params: ["cache"],
      tests: [
        {
          name: "t",
          let: {
            p: { gen: "parameters", nx: 2, nh: 3 },
            data: { gen: "planar", m: 10 },
            cache: { gen: "reference", fn: "forwardPropagation", args: ["$data.X", "$p"], pick: 1 },
          },
          args: { cache: "$cache" },
        },
      ],
    });
    expect(spec.tests[0]?.let["cache"]).toEqual({
      gen: "reference",
      fn: "forwardPropagation",
      args: ["$data.X", "$p"],
      pick: 1,
    });
  });

  for (const id of ["sigmoid", "backward-propagation"]) {
    it(`parses exercises/${id}/exercise.json`, () => {
      const raw: unknown = JSON.parse(readFileSync(new URL(`../../exercises/${id}/exercise.json`, import.meta.url), "utf8"));
      const result = ExerciseSpec.safeParse(raw);
      expect(result.error?.message).toBeUndefined();
      expect(result.data?.id).toBe(id);
    });
  }
});

describe("exercises/exercise.schema.json", () => {
  it("is up to date (regenerate with npx tsx scripts/generate-exercise-schema.ts)", () => {
    const committed = readFileSync(new URL("../../exercises/exercise.schema.json", import.meta.url), "utf8");
    expect(committed).toBe(renderExerciseJsonSchema());
  });
});
