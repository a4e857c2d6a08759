// The grading engine end to end with the in-process test sandbox: what reaches the learner's
// isolate, what a verdict shows, grader failures, and the checks that need more than allclose
// (random initialisation, custom author checks), on small exercises written in temp folders.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { loadExercise } from "../exercise/load";
import type { ExerciseSpecInput } from "../exercise/schema";
import { createGrader } from "../index";
import { GradingEngine } from "./engine";
import { referenceNetwork } from "./reference-network";
import type { SandboxJob, SandboxOutcome, SandboxPort } from "../sandbox/index";
import { createLocalSandbox } from "../../tests/support/local-sandbox";

const exercises = fileURLToPath(new URL("../../exercises", import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), "engine-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A sandbox that records every job it runs. */
function recordingSandbox(): SandboxPort & { jobs: SandboxJob[] } {
  const inner = createLocalSandbox();
  const jobs: SandboxJob[] = [];
  return {
    jobs,
    run: (job) => {
      jobs.push(job);
      return inner.run(job);
    },
    runModule: (job) => inner.runModule(job),
  };
}

function writeExercise(root: string, spec: ExerciseSpecInput, files: Record<string, string>): void {
  const dir = join(root, spec.id);
  mkdirSync(join(dir, "mistakes"), { recursive: true });
  mkdirSync(join(dir, "checks"), { recursive: true });
  writeFileSync(join(dir, "exercise.json"), JSON.stringify(spec));
  writeFileSync(join(dir, "statement.ko.md"), "# 문제");
  writeFileSync(join(dir, "statement.en.md"), "# Task");
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
}

const sigmoidSource = readFileSync(join(exercises, "sigmoid", "solution.ts"), "utf8");

describe("gradeSubmission", () => {
  it("sends the learner's isolate the inputs only, never the expected outputs", async () => {
    const sandbox = recordingSandbox();
    const grader = createGrader({ sandbox });
    const code = 'import * as np from "np";\nexport function sigmoid(z) { return np.tanh(z); }\n';
    await grader.gradeSubmission({ exerciseId: "sigmoid", code, seed: 5, locale: "en" });
    const learner = sandbox.jobs.find((j) => j.filename === "submission.ts");
    const trusted = sandbox.jobs.find((j) => j.filename === "trusted-bundle.js");
    expect(learner).toBeDefined();
    // The learner's job holds the same inputs as the reference's calls (index 0 of the trusted
    // bundle, then the export name), and nothing else: no outputs, no other entry.
    const referenceCalls = trusted?.calls.filter((c) => c.args[0] === 0).map((c) => ({ ...c, args: c.args.slice(2) }));
    expect(learner?.calls).toEqual(referenceCalls);
    expect(learner?.calls.length).toBeGreaterThan(0);
    expect(learner?.source).toBe(code);
  });

  it("shows expected and actual for visible examples only", async () => {
    const grader = createGrader({ sandbox: createLocalSandbox() });
    const code = 'import * as np from "np";\nexport function sigmoid(z) { return np.tanh(z); }\n';
    const v = await grader.gradeSubmission({ exerciseId: "sigmoid", code, seed: 5, locale: "ko" });
    const visible = v.tests.filter((t) => t.visible);
    const hidden = v.tests.filter((t) => !t.visible);
    expect(visible.length).toBeGreaterThan(0);
    expect(hidden.length).toBeGreaterThan(0);
    expect(visible.every((t) => t.expected !== undefined && t.actual !== undefined)).toBe(true);
    expect(hidden.every((t) => t.expected === undefined && t.actual === undefined)).toBe(true);
    expect(v.misconceptions.map((m) => m.id)).toEqual(["tanh-instead"]);
    expect(v.misconceptions[0]?.message).toContain("시그모이드");
  });

  it("rounds a hidden test's expected value to 4 significant digits for a learner, not for an author", async () => {
    const grader = createGrader({ sandbox: createLocalSandbox() });
    // Off by 1e-3 everywhere: wrong, yet the learner's own figures say little about the expected ones.
    const code = 'import * as np from "np";\nexport function sigmoid(z) { return np.add(np.divide(1, np.add(1, np.exp(np.negative(z)))), 1e-3); }\n';
    const expectedIn = (message: string): string => /expected (\S+), got/.exec(message)?.[1] ?? "";
    const digits = (figure: string): number => figure.replace(/e.*$/, "").replace(/^-?0*\.?0*/, "").replace(".", "").length;
    const learner = await grader.gradeSubmission({ exerciseId: "sigmoid", code, seed: 5, locale: "en" });
    const author = await grader.gradeSubmission({ exerciseId: "sigmoid", code, seed: 5, locale: "en", audience: "author" });
    const hidden = learner.tests.filter((t) => !t.visible && t.status === "fail");
    expect(hidden.length).toBeGreaterThan(0);
    let precise = 0;
    for (const test of hidden) {
      const exact = expectedIn(author.tests.find((t) => t.name === test.name)?.message ?? "");
      const rounded = expectedIn(test.message);
      expect(rounded).not.toBe("");
      expect(digits(rounded)).toBeLessThanOrEqual(4);
      expect(Number(rounded)).toBe(Number(Number(exact).toPrecision(4)));
      if (digits(exact) > 4) precise += 1;
      expect(test.maxAbsError).toBe(Number(author.tests.find((t) => t.name === test.name)?.maxAbsError?.toPrecision(4)));
    }
    // Some expected values (sigmoid(0) = 0.5) are short anyway; the others lose their digits.
    expect(precise).toBeGreaterThan(0);
    // Examples are shown whole anyway: their messages stay exact.
    const visible = learner.tests.find((t) => t.visible && t.status === "fail");
    expect(visible).toBeDefined();
    expect(visible?.message).toBe(author.tests.find((t) => t.name === visible?.name)?.message);
  });

  it("draws new hidden inputs for another seed and the same ones for the same seed", async () => {
    const sandbox = recordingSandbox();
    const grader = createGrader({ sandbox });
    for (const seed of [1, 1, 2]) await grader.gradeSubmission({ exerciseId: "sigmoid", code: sigmoidSource, seed, locale: "en" });
    const learnerJobs = sandbox.jobs.filter((j) => j.filename === "submission.ts");
    expect(learnerJobs[0]?.calls).toEqual(learnerJobs[1]?.calls);
    expect(learnerJobs[2]?.calls).not.toEqual(learnerJobs[0]?.calls);
    // Examples are shipped with their outputs, so they never change with the seed.
    expect(learnerJobs[2]?.calls[0]).toEqual(learnerJobs[0]?.calls[0]);
  });

  it("runs the known mistakes only for a failing submission, and the reference once per input set", async () => {
    const sandbox = recordingSandbox();
    const grader = createGrader({ sandbox });
    const trustedEntriesRun = () =>
      sandbox.jobs.filter((j) => j.filename === "trusted-bundle.js").map((j) => [...new Set(j.calls.map((c) => c.args[0]))]);
    const passing = await grader.gradeSubmission({ exerciseId: "sigmoid", code: sigmoidSource, seed: 11, locale: "en" });
    expect(passing.status).toBe("pass");
    expect(trustedEntriesRun()).toEqual([[0]]);
    // Same seed, same inputs: the reference's outputs come from the cache.
    await grader.gradeSubmission({ exerciseId: "sigmoid", code: sigmoidSource, seed: 11, locale: "ko" });
    expect(trustedEntriesRun()).toEqual([[0]]);
    const tanh = 'import * as np from "np";\nexport function sigmoid(z) { return np.tanh(z); }\n';
    const failing = await grader.gradeSubmission({ exerciseId: "sigmoid", code: tanh, seed: 11, locale: "en" });
    expect(failing.misconceptions.map((m) => m.id)).toEqual(["tanh-instead"]);
    const runs = trustedEntriesRun();
    expect(runs).toHaveLength(2);
    expect(runs[1]).not.toContain(0);
    expect(runs[1]?.length).toBeGreaterThan(0);
  });

  it("refuses an oversized or binary upload before running anything", async () => {
    const sandbox = recordingSandbox();
    const grader = createGrader({ sandbox });
    const big = await grader.gradeSubmission({ exerciseId: "sigmoid", code: "x".repeat(60_000), seed: 1, locale: "en" });
    expect(big.status).toBe("error");
    expect(big.error?.kind).toBe("upload");
    expect(big.error?.message).toContain("50000");
    const binary = await grader.gradeSubmission({ exerciseId: "sigmoid", code: "export const a = 1;\0", seed: 1, locale: "en" });
    expect(binary.error?.kind).toBe("upload");
    expect(sandbox.jobs).toHaveLength(0);
  });

  it("reports a failing sandbox as a grader error that is not the learner's", async () => {
    const inner = createLocalSandbox();
    const broken: SandboxPort = {
        run: (): Promise<SandboxOutcome> => Promise.resolve({ kind: "grader-error", message: "worker crashed" }),
      runModule: (job) => inner.runModule(job),
    };
    const v = await createGrader({ sandbox: broken }).gradeSubmission({ exerciseId: "sigmoid", code: sigmoidSource, seed: 1, locale: "en" });
    expect(v.status).toBe("error");
    expect(v.graderError).toBe(true);
    expect(v.error?.kind).toBe("grader");
    expect(v.error?.message).toContain("worker crashed");
    expect(v.error?.message).toContain("does not count as an attempt");
  });

  it("reports a broken reference solution as a grader error", async () => {
    const root = join(scratch, "broken-solution");
    cpSync(join(exercises, "sigmoid"), join(root, "sigmoid"), { recursive: true });
    writeFileSync(join(root, "sigmoid", "solution.ts"), 'export function sigmoid() { throw new Error("oops"); }\n');
    const v = await createGrader({ sandbox: createLocalSandbox(), exercisesDir: root }).gradeSubmission({
      exerciseId: "sigmoid",
      code: sigmoidSource,
      seed: 1,
      locale: "en",
    });
    expect(v.graderError).toBe(true);
    expect(v.error?.message).toContain("solution.ts failed on small-vector");
  });
});

describe("getPublicExercise", () => {
  it("ships statements, starter, hints and examples with expected outputs, and nothing secret", async () => {
    const grader = createGrader({ sandbox: createLocalSandbox() });
    const pub = await grader.getPublicExercise("backward-propagation", "ko");
    const text = JSON.stringify(pub);
    const exercise = loadExercise("backward-propagation");
    expect(pub.statement).toContain("역전파");
    expect(pub.hints).toHaveLength(exercise.spec.hints.length);
    expect(pub.examples[0]?.name).toBe("tiny-network");
    expect(pub.examples[0]?.expected).toMatchObject({ dW1: { shape: [3, 2] }, db2: { shape: [1, 1] } });
    expect(text).not.toContain(exercise.solution.slice(0, 80));
    for (const t of exercise.spec.tests) expect(text).not.toContain(t.name);
    for (const m of exercise.spec.mistakes) expect(text).not.toContain(m.message.ko);
  });
});

describe("checks beyond allclose", () => {
  const root = join(scratch, "custom");
  writeExercise(
    root,
    {
      id: "init-params",
      section: "training",
      order: 1,
      title: { ko: "초기화", en: "Initialisation" },
      entry: "initializeParameters",
      params: ["nx", "nh", "ny"],
      signature: "function initializeParameters(nx: number, nh: number, ny: number)",
      tests: [
        {
          name: "sizes",
          args: { nx: 2, nh: 4, ny: 1 },
          npSeed: "random",
          checks: [{ check: "randomInit", weights: ["W1", "W2"], biases: ["b1", "b2"], scale: 0.01 }],
        },
      ],
    },
    {
      "solution.ts": `import * as np from "np";
export function initializeParameters(nx, nh, ny) {
  const W1 = np.multiply(np.random.randn(nh, nx), 0.01);
  const W2 = np.multiply(np.random.randn(ny, nh), 0.01);
  return { W1, b1: np.zeros([nh, 1]), W2, b2: np.zeros([ny, 1]) };
}`,
      "starter.ts": "export function initializeParameters() { return {}; }",
    },
  );
  writeExercise(
    root,
    {
      id: "softmax-like",
      section: "extras",
      order: 1,
      title: { ko: "정규화", en: "Normalise" },
      entry: "normalise",
      params: ["x"],
      signature: "function normalise(x: np.NDArray): np.NDArray",
      tests: [
        {
          name: "sums-to-one",
          args: { x: { gen: "uniform", shape: [5], low: 1, high: 2 } },
          checks: [{ check: "custom", file: "checks/sums-to-one.ts", message: { ko: "합이 1 이 아닙니다", en: "does not sum to 1" } }],
        },
      ],
    },
    {
      "solution.ts": 'import * as np from "np";\nexport function normalise(x) { return np.divide(x, np.sum(x)); }',
      "starter.ts": "export function normalise(x) { return x; }",
      "checks/sums-to-one.ts": `import * as np from "np";
export function check(args, actual, expected) {
  const total = np.sum(actual);
  return Math.abs(total - 1) < 1e-9 ? true : { pass: false, message: { ko: "합: " + total, en: "sum: " + total } };
}`,
    },
  );
  const local = createLocalSandbox();
  const engine = new GradingEngine({ sandbox: () => local, reference: referenceNetwork });
  const grade = (id: string, code: string) => engine.grade({ exercise: loadExercise(id, root), code, seed: 9, locale: "en" });

  it("accepts weights drawn in another order and names zero, badly scaled or non-randn weights", async () => {
    const reordered = `import * as np from "np";
export function initializeParameters(nx, nh, ny) {
  const W2 = np.random.randn(ny, nh).mul(0.01);
  const W1 = np.random.randn(nh, nx).mul(0.01);
  return { W1, b1: np.zeros([nh, 1]), W2, b2: np.zeros([ny, 1]) };
}`;
    expect((await grade("init-params", reordered)).status).toBe("pass");
    const zeros = await grade("init-params", reordered.replaceAll("np.random.randn(nh, nx).mul(0.01)", "np.zeros([nh, nx])"));
    expect(zeros.tests[0]?.message).toContain("`W1` is all zeros");
    const scale = await grade("init-params", reordered.replaceAll("0.01", "1"));
    expect(scale.tests[0]?.message).toContain("magnitude of `W1`");
    const rand = await grade("init-params", reordered.replaceAll("randn", "rand"));
    expect(rand.tests[0]?.message).toContain("not the np.random.randn draws");
    const bias = await grade("init-params", reordered.replace("b1: np.zeros([nh, 1])", "b1: np.ones([nh, 1])"));
    expect(bias.tests[0]?.message).toContain("`b1` should be initialised to zeros");
  });

  it("runs custom checks in the sandbox and shows their message", async () => {
    expect((await grade("softmax-like", 'import * as np from "np";\nexport function normalise(x) { return x.div(np.sum(x)); }')).status).toBe("pass");
    const v = await grade("softmax-like", "export function normalise(x) { return x; }");
    expect(v.status).toBe("fail");
    expect(v.tests[0]?.message).toMatch(/^sum: \d/);
  });
});
