// gradeSubmission through the real worker pool (grader/sandbox): the path production takes.
// A few cases only; the engine's logic is covered with the in-process sandbox elsewhere.
import { afterAll, describe, expect, it } from "vitest";
import { createSandboxPool } from "./sandbox/index";
import { createGrader } from "./index";

const sandbox = createSandboxPool({ size: 1, recycleAfter: 50 });
const grader = createGrader({ sandbox });
afterAll(() => sandbox.close());

const grade = (code: string, seed = 1) => grader.gradeSubmission({ exerciseId: "sigmoid", code, seed, locale: "en" });

describe("gradeSubmission with the worker pool", () => {
  it("passes the reference form and names the sign error, deterministically", async () => {
    const pass = await grade('import * as np from "np";\nexport function sigmoid(z: np.NDArray) { return np.multiply(0.5, np.add(1, np.tanh(np.divide(z, 2)))); }\n');
    expect(pass.status).toBe("pass");
    expect(pass.score).toBe(1);
    const wrong = 'import * as np from "np";\nexport function sigmoid(z: np.NDArray) { return np.divide(1, np.add(1, np.exp(z))); }\n';
    const a = await grade(wrong, 4);
    const b = await grade(wrong, 4);
    expect(a.misconceptions.map((m) => m.id)).toEqual(["sign-error"]);
    expect({ ...a, durationMs: 0 }).toEqual({ ...b, durationMs: 0 });
  });

  it("reports a time limit with its value, and a throw with the learner's line", async () => {
    const loop = await grade("export function sigmoid(z) { for (;;) {} }\n");
    expect(loop.status).toBe("error");
    expect(loop.graderError).toBeUndefined();
    expect(loop.error?.kind).toBe("timeout");
    expect(loop.error?.message).toContain("2000 ms");
    const thrown = await grade('import * as np from "np";\n\nexport function sigmoid(z: np.NDArray) {\n  return np.dot(z, np.zeros([7, 7]));\n}\n');
    expect(thrown.error?.kind).toBe("throw");
    expect(thrown.error?.line).toBe(4);
  });

  it("reports a compile error with its position and a missing export", async () => {
    const compile = await grade("export function sigmoid(z) {\n  return z +;\n}\n");
    expect(compile.error).toMatchObject({ kind: "compile", line: 2 });
    const missing = await grade("export function sigma(z) { return z; }\n");
    expect(missing.error?.kind).toBe("missing-export");
    expect(missing.error?.message).toContain("`sigmoid`");
  });

  // Issue 9: values over budget, verdict amplification, compile bombs (ADR 007).
  it("refuses a zero-size array with a billion rows as the learner's error, in both languages", async () => {
    const code = 'import * as np from "np";\nexport function sigmoid(z: any) { return np.zeros([1000000000, 0]); }\n';
    const en = await grade(code);
    expect(en).toMatchObject({ status: "error", score: 0, error: { kind: "too-large" } });
    expect(en.graderError).toBeUndefined();
    expect(en.error?.message).toContain("over the grader's size budget");
    expect(en.error?.message).toContain("the returned array has shape (1000000000, 0)");
    const ko = await grader.gradeSubmission({ exerciseId: "sigmoid", code, seed: 1, locale: "ko" });
    expect(ko.error?.message).toContain("크기 예산을 넘습니다");
    expect(JSON.stringify(en).length).toBeLessThan(10_000);
  });

  it("stores a preview of a 15-million-character result, not the result", async () => {
    const verdict = await grade('export function sigmoid(z: any) { return "x".repeat(15_000_000); }\n');
    expect(verdict.graderError).toBeUndefined();
    expect(verdict.status).not.toBe("pass");
    expect(JSON.stringify(verdict).length).toBeLessThan(100_000);
    const shown = verdict.tests.filter((t) => t.actual !== undefined);
    expect(shown.length).toBeGreaterThan(0);
    for (const test of shown) expect(test.actual).toEqual({ truncated: true, length: 15_000_000, preview: "x".repeat(200) });
  });

  it("counts a compile bomb as the learner's compile error and does not hold up the next submission", async () => {
    const bomb = `${"{".repeat(24_500)}${"}".repeat(24_500)}\nexport function sigmoid(z: any) { return z; }\n`;
    const victim = 'import * as np from "np";\nexport function sigmoid(z: np.NDArray) { return np.divide(1, np.add(1, np.exp(np.negative(z)))); }\n';
    const started = performance.now();
    const [bombed, graded] = await Promise.all([grade(bomb), grade(victim)]);
    expect(bombed.error).toMatchObject({ kind: "compile", line: 1 });
    expect(bombed.error?.message).toContain("brackets are nested deeper than 100 levels, over the compiler's budget");
    const ko = await grader.gradeSubmission({ exerciseId: "sigmoid", code: bomb, seed: 1, locale: "ko" });
    expect(ko.error?.message).toContain("괄호가 100단계보다 깊게 중첩되어 있습니다");
    expect(graded.status).toBe("pass");
    // Generous: the bomb's own compile budget (5 s) plus a worker start-up on a loaded machine.
    expect(performance.now() - started).toBeLessThan(15_000);
  });
});
