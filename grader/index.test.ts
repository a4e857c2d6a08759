// gradeSubmission through the real worker pool (grader/sandbox): the path production takes.
// A few cases only; the engine's logic is covered with the in-process sandbox elsewhere.
import { afterAll, describe, expect, it } from "vitest";
import { createSandboxAdapter } from "./grading/sandbox-adapter";
import { createGrader } from "./index";

const sandbox = createSandboxAdapter({ size: 1, recycleAfter: 50 });
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
});
