// The gradient check in learner mode (forward: "learner") end to end through the engine and the
// in-process test sandbox: the learner's backward pass (a test with its own `entry`) is checked
// against centred differences of the learner's own forwardPropagation and computeCost exports.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadExercise } from "../exercise/load";
import type { ExerciseSpecInput } from "../exercise/schema";
import { GradingEngine } from "./engine";
import { referenceNetwork } from "./reference-network";
import type { SandboxJob, SandboxPort } from "../sandbox/index";
import { createLocalSandbox } from "../../tests/support/local-sandbox";

const root = mkdtempSync(join(tmpdir(), "gradient-learner-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const gradients = { W1: "dW1", b1: "db1", W2: "dW2", b2: "db2" };
const backwardArgs = { parameters: "$params", cache: "$cache", X: "$data.X", Y: "$data.Y" };
const spec: ExerciseSpecInput = {
  id: "own-gradient",
  section: "shallow-network",
  order: 1,
  title: { ko: "기울기 검사", en: "Gradient check" },
  entry: "forwardPropagation",
  params: ["X", "parameters"],
  signature: "function forwardPropagation(X: NDArray, parameters: Parameters): { A2: NDArray; cache: Cache }",
  tests: [
    {
      name: "forward",
      let: { data: { gen: "planar", m: 12, seed: 1 }, params: { gen: "parameters", nx: 2, nh: 3, scale: 0.5 } },
      args: { X: "$data.X", parameters: "$params" },
    },
    {
      name: "own-gradient",
      entry: "backwardPropagation",
      params: ["parameters", "cache", "X", "Y"],
      let: {
        data: { gen: "planar", m: 12, seed: 2 },
        params: { gen: "parameters", nx: 2, nh: 3, scale: 0.5 },
        cache: { gen: "reference", fn: "forwardPropagation", args: ["$data.X", "$params"], pick: 1 },
      },
      args: backwardArgs,
      checks: [{ check: "gradient", forward: "learner", parameters: "parameters", X: "X", Y: "Y", gradients }],
    },
    {
      name: "reference-gradient",
      entry: "backwardPropagation",
      params: ["parameters", "cache", "X", "Y"],
      let: {
        data: { gen: "planar", m: 12, seed: 2 },
        params: { gen: "parameters", nx: 2, nh: 3, scale: 0.5 },
        cache: { gen: "reference", fn: "forwardPropagation", args: ["$data.X", "$params"], pick: 1 },
      },
      args: backwardArgs,
      checks: [{ check: "gradient", parameters: "parameters", X: "X", Y: "Y", gradients }],
    },
  ],
  checks: [{ check: "allclose" }],
};

const solution = `import * as np from "np";
export function forwardPropagation(X, parameters) {
  const { W1, b1, W2, b2 } = parameters;
  const Z1 = np.add(np.dot(W1, X), b1);
  const A1 = np.tanh(Z1);
  const Z2 = np.add(np.dot(W2, A1), b2);
  const A2 = np.divide(1, np.add(1, np.exp(np.negative(Z2))));
  return { A2, cache: { Z1, A1, Z2, A2 } };
}
export function computeCost(A2, Y) {
  const m = Y.shape[1];
  return -np.sum(np.add(np.multiply(Y, np.log(A2)), np.multiply(np.subtract(1, Y), np.log(np.subtract(1, A2))))) / m;
}
export function backwardPropagation(parameters, cache, X, Y) {
  const m = X.shape[1];
  const { A1, A2 } = cache;
  const dZ2 = np.subtract(A2, Y);
  const dW2 = np.divide(np.dot(dZ2, A1.T), m);
  const db2 = np.divide(np.sum(dZ2, { axis: 1, keepdims: true }), m);
  const dZ1 = np.multiply(np.dot(parameters.W2.T, dZ2), np.subtract(1, np.square(A1)));
  const dW1 = np.divide(np.dot(dZ1, X.T), m);
  const db1 = np.divide(np.sum(dZ1, { axis: 1, keepdims: true }), m);
  return { dW1, db1, dW2, db2 };
}
`;

mkdirSync(join(root, spec.id), { recursive: true });
writeFileSync(join(root, spec.id, "exercise.json"), JSON.stringify(spec));
writeFileSync(join(root, spec.id, "statement.ko.md"), "# 문제");
writeFileSync(join(root, spec.id, "statement.en.md"), "# Task");
writeFileSync(join(root, spec.id, "solution.ts"), solution);
writeFileSync(join(root, spec.id, "starter.ts"), "export function forwardPropagation() { return {}; }");

/** The test sandbox, recording every job it runs. */
function recordingSandbox(): SandboxPort & { jobs: SandboxJob[] } {
  const inner = createLocalSandbox();
  const jobs: SandboxJob[] = [];
  return { jobs, run: (job) => (jobs.push(job), inner.run(job)), runModule: (job) => inner.runModule(job) };
}

const sandbox = recordingSandbox();
const engine = new GradingEngine({ sandbox: () => sandbox, reference: referenceNetwork });
const grade = (code: string, locale: "en" | "ko" = "en") => engine.grade({ exercise: loadExercise(spec.id, root), code, seed: 4, locale });
const testNamed = (v: Awaited<ReturnType<typeof grade>>, name: string) => v.tests.find((t) => t.name === name);

describe("gradient check against the learner's own forward pass and cost", () => {
  it("passes a correct set of exports, says which forward pass it used, and batches the perturbations", async () => {
    sandbox.jobs.length = 0;
    const v = await grade(solution);
    expect(v.status).toBe("pass");
    expect(testNamed(v, "own-gradient")?.message).toContain("your own forward pass and cost passed");
    expect(v.gradientCheck?.difference).toBeLessThan(2e-7);
    // One job per export the tests call, then one forward job and one cost job with every
    // perturbation of the 3·2 + 3 + 3 + 1 = 13 entries (± each): never one job per perturbation.
    const learnerJobs = sandbox.jobs.filter((j) => j.filename === "submission.ts").map((j) => [j.entry, j.calls.length]);
    expect(learnerJobs).toEqual(
      expect.arrayContaining([
        ["forwardPropagation", 26],
        ["computeCost", 26],
        ["backwardPropagation", 2],
      ]),
    );
    expect(learnerJobs).toHaveLength(4);
  });

  it("fails a backward pass without 1/m, with the per-parameter breakdown naming every dW and db", async () => {
    const v = await grade(solution.replaceAll(", m);", ", 1);"));
    const own = testNamed(v, "own-gradient");
    expect(own?.status).toBe("fail");
    expect(own?.message).toMatch(/^Gradient check against your own forward pass and cost failed: the relative difference for `d[Wb][12]`/);
    for (const key of ["dW1", "db1", "dW2", "db2"]) {
      expect(own?.message).toContain(key);
      expect(v.gradientCheck?.perParameter[key]).toBeGreaterThan(0.5);
    }
    const ko = await grade(solution.replaceAll(", m);", ", 1);"), "ko");
    expect(testNamed(ko, "own-gradient")?.message).toContain("여러분의 순전파와 비용 함수로 계산한 수치 기울기와 역전파가 맞지 않습니다");
  });

  it("passes a backward pass consistent with a wrong but self-consistent forward pass (it checks consistency, not the forward pass)", async () => {
    // ReLU instead of tanh in the hidden layer, and a backward pass that recomputes its own cache
    // with that forward pass and uses ReLU's derivative: wrong network, consistent gradients.
    const relu = solution
      .replace("const A1 = np.tanh(Z1);", "const A1 = np.maximum(Z1, 0);")
      .replace("const { A1, A2 } = cache;", "const { A1, A2 } = forwardPropagation(X, parameters).cache;")
      .replace("np.subtract(1, np.square(A1))", "np.greater(A1, 0)");
    const v = await grade(relu);
    expect(testNamed(v, "own-gradient")?.status).toBe("pass");
    expect(testNamed(v, "forward")?.status).toBe("fail");
    expect(testNamed(v, "reference-gradient")?.status).toBe("fail");
  });

  it("fails with a message naming an export that is missing, throws, or a J that never moves", async () => {
    const noCost = await grade(solution.replace("export function computeCost", "function computeCost"));
    expect(testNamed(noCost, "own-gradient")?.status).toBe("fail");
    expect(testNamed(noCost, "own-gradient")?.message).toBe(
      "The gradient check calls your own `computeCost`, but the file does not export it. Declare it as `export function computeCost(...)`.",
    );
    expect(testNamed(noCost, "reference-gradient")?.status).toBe("pass");
    const noCostKo = await grade(solution.replace("export function computeCost", "function computeCost"), "ko");
    expect(testNamed(noCostKo, "own-gradient")?.message).toContain("`computeCost` 함수를 호출하는데, 파일에서 export 하지 않았습니다");

    const stubbed = await grade(solution.replace("return -np.sum(", "return 0 * np.sum("));
    expect(testNamed(stubbed, "own-gradient")?.message).toContain("does not change `computeCost(forwardPropagation(X, parameters).A2, Y)` at all");

    const throwing = await grade(solution.replace("const m = Y.shape[1];", 'const m = Y.shape[1]; if (A2.shape[1] > 0) throw new Error("cost exploded");'));
    expect(testNamed(throwing, "own-gradient")?.message).toContain("The gradient check called your own `computeCost` and it failed. The code threw an exception: ");
    expect(testNamed(throwing, "own-gradient")?.message).toContain("cost exploded");
  });
});
