import { describe, expect, it } from "vitest";
import { DEFAULT_TOLERANCE } from "./compare-examples";
import { executeRun } from "./execute";
import { transpileForRun } from "./transpile-node";

const examples = [
  { name: "small", args: { z: { shape: [1, 3], values: [[-1, 0, 2]] } }, expected: { shape: [1, 3], values: [[-2, 0, 4]] } },
];

function run(source: string) {
  return executeRun({ js: transpileForRun(source), entry: "double", params: ["z"], examples, tolerance: DEFAULT_TOLERANCE });
}

describe("executeRun", () => {
  it("passes a correct function and captures console output", () => {
    const result = run(`import * as np from "np";\nexport function double(z: np.NDArray) { console.log("shape", z.shape); return np.multiply(z, 2); }`);
    expect(result.examples[0]).toMatchObject({ name: "small", status: "pass" });
    expect(result.stdout).toBe("shape [1,3]\n");
  });

  it("fails a wrong function with the worst entry", () => {
    const result = run(`import * as np from "np";\nexport function double(z: np.NDArray) { return np.add(z, 2); }`);
    const outcome = result.examples[0];
    expect(outcome?.status).toBe("fail");
    expect(outcome?.status === "fail" ? outcome.comparison.mismatch : undefined).toEqual({ kind: "value", path: "", maxAbsError: 3, worstIndex: [0, 0] });
  });

  it("reports a throw with the learner's line", () => {
    const result = run(`import * as np from "np";\n\nexport function double(z: np.NDArray): np.NDArray {\n  throw new Error("not yet");\n}`);
    const outcome = result.examples[0];
    expect(outcome?.status).toBe("error");
    expect(outcome?.status === "error" ? outcome.error : undefined).toMatchObject({ message: "Error: not yet", line: 4 });
  });

  it("says which export is missing and refuses other modules", () => {
    expect(run(`export function triple() { return 1; }`).error?.message).toContain("double");
    expect(run(`import * as fs from "fs";\nexport function double() { return fs; }`).error?.message).toContain('only "np"');
  });

  it("seeds np.random per example like the grader", () => {
    const source = `import * as np from "np";\nexport function double(z: np.NDArray) { return np.random.randn(1, 3); }`;
    const seeded = (npSeed: number) =>
      executeRun({ js: transpileForRun(source), entry: "double", params: ["z"], examples: [{ ...examples[0]!, npSeed }], tolerance: DEFAULT_TOLERANCE });
    const a = seeded(2).examples[0];
    const b = seeded(2).examples[0];
    expect(a?.status === "error" ? null : a?.actual).toEqual(b?.status === "error" ? null : b?.actual);
  });
});
