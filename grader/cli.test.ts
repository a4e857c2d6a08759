// The `lab` grading commands, driven through runGraderCli with captured output. Code runs in the
// in-process test sandbox; the worker pool is exercised by bench/grading.bench.ts.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { runGraderCli } from "./cli";
import { createLocalSandbox } from "../tests/support/local-sandbox";
import { Verdict } from "./grading/verdict";

const exercises = fileURLToPath(new URL("../exercises", import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), "lab-cli-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

async function lab(argv: string[], exercisesDir = exercises) {
  let stdout = "";
  let stderr = "";
  const code = await runGraderCli(
    argv,
    { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) },
    { sandbox: createLocalSandbox(), exercisesDir },
  );
  return { code, stdout, stderr };
}

function submission(name: string, source: string): string {
  const file = join(scratch, name);
  writeFileSync(file, source);
  return file;
}

const wrongSigmoid = submission(
  "wrong.ts",
  'import * as np from "np";\nexport function sigmoid(z: np.NDArray) { return np.divide(1, np.add(1, np.exp(z))); }\n',
);

describe("lab grade", () => {
  it("prints exactly one JSON verdict with --json and exits 0 for a failing submission", async () => {
    const { code, stdout, stderr } = await lab(["grade", "sigmoid", wrongSigmoid, "--seed", "3", "--json"]);
    expect(code).toBe(0);
    expect(stderr).toBe("");
    const verdict = Verdict.parse(JSON.parse(stdout));
    expect(verdict.status).toBe("fail");
    expect(verdict.seed).toBe(3);
    expect(verdict.misconceptions.map((m) => m.id)).toEqual(["sign-error"]);
  });

  it("is deterministic for the same code and seed", async () => {
    const a = Verdict.parse(JSON.parse((await lab(["grade", "sigmoid", wrongSigmoid, "--seed", "11", "--json"])).stdout));
    const b = Verdict.parse(JSON.parse((await lab(["grade", "sigmoid", wrongSigmoid, "--seed", "11", "--json"])).stdout));
    expect({ ...a, durationMs: 0 }).toEqual({ ...b, durationMs: 0 });
  });

  it("prints a readable verdict in Korean", async () => {
    const { code, stdout } = await lab(["grade", "sigmoid", wrongSigmoid, "--locale", "ko", "--seed", "1"]);
    expect(code).toBe(0);
    expect(stdout).toContain("sigmoid: FAIL");
    expect(stdout).toContain("⚑ sign-error: 지수의 부호가 반대입니다");
  });

  it("exits 2 for an unknown exercise, a bad option or a missing file", async () => {
    expect((await lab(["grade", "no-such-exercise", wrongSigmoid])).code).toBe(2);
    expect((await lab(["grade", "sigmoid", wrongSigmoid, "--locale", "fr"])).code).toBe(2);
    expect((await lab(["grade", "sigmoid", wrongSigmoid, "--seed", "-1"])).code).toBe(2);
    expect((await lab(["grade", "sigmoid", join(scratch, "absent.ts")])).code).toBe(2);
    expect((await lab(["grade", "sigmoid"])).code).toBe(2);
    const unknown = await lab(["frobnicate"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown command "frobnicate"');
  });
});

describe("lab list", () => {
  it("lists the exercises as JSON", async () => {
    const { code, stdout } = await lab(["list", "--json"]);
    expect(code).toBe(0);
    const ids = (JSON.parse(stdout) as { id: string }[]).map((e) => e.id);
    expect(ids).toContain("sigmoid");
    expect(ids).toContain("backward-propagation");
  });
});

describe("lab run", () => {
  it("prints a module's console output", async () => {
    const file = submission("hello.ts", 'import * as np from "np";\nconsole.log("sum", np.sum(np.array([1, 2, 3])));\n');
    const { code, stdout } = await lab(["run", file]);
    expect(code).toBe(0);
    expect(stdout).toBe("sum 6\n");
  });
});

describe("lab check", () => {
  it("passes the sigmoid exercise", async () => {
    const { code, stdout } = await lab(["check", "sigmoid"]);
    expect(stdout).toContain("✓ sigmoid  mutants");
    expect(code).toBe(0);
  });

  it("reports a mistake that no test catches and a starter that already passes", async () => {
    const root = join(scratch, "broken");
    cpSync(join(exercises, "sigmoid"), join(root, "sigmoid"), { recursive: true });
    const dir = join(root, "sigmoid");
    // The starter solves the exercise; the "mistake" is in fact correct.
    cpSync(join(dir, "solution.ts"), join(dir, "starter.ts"));
    cpSync(join(dir, "alternatives", "classic.ts"), join(dir, "mistakes", "sign-error.ts"));
    const { code, stdout } = await lab(["check", "sigmoid", "--no-mutants"], root);
    expect(code).toBe(1);
    expect(stdout).toContain("✗ sigmoid");
    expect(stdout).toContain("starter.ts scores 1");
    expect(stdout).toContain('mistakes/sign-error.ts passes every test: no test catches "sign-error"');
  });

  it("reports the mutants that weak tests let through", async () => {
    const root = join(scratch, "weak");
    cpSync(join(exercises, "sigmoid"), join(root, "sigmoid"), { recursive: true });
    const specPath = join(root, "sigmoid", "exercise.json");
    const spec = JSON.parse(readFileSync(specPath, "utf8")) as { tests: { name: string }[]; examples: unknown[]; mistakes: unknown[] };
    // Only z = 0: σ(0) = 0.5 whatever the sign of the exponent, so sign slips survive.
    spec.tests = spec.tests.filter((t) => t.name === "zeros");
    spec.examples = [];
    spec.mistakes = [];
    writeFileSync(specPath, JSON.stringify(spec));
    const { code, stdout } = await lab(["check", "sigmoid"], root);
    expect(code).toBe(1);
    expect(stdout).toMatch(/mutant survives .*: \d+:\d+ dropped np\.negative/);
  });

  it("reports a spec that does not parse", async () => {
    const root = join(scratch, "bad-spec");
    cpSync(join(exercises, "sigmoid"), join(root, "sigmoid"), { recursive: true });
    writeFileSync(join(root, "sigmoid", "exercise.json"), JSON.stringify({ id: "sigmoid", difficulty: 3 }));
    const { code, stdout } = await lab(["check", "sigmoid"], root);
    expect(code).toBe(1);
    expect(stdout).toContain("exercise.json");
  });
});
