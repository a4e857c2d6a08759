// np.d.ts is what Monaco shows learners: it must be current (regenerated from the
// source), every public function must carry a doc comment, learner-style code must
// type-check against it, and internal helpers must stay invisible.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { npTypingsPath, renderNpTypings } from "../../scripts/build-np-typings";

const committed = readFileSync(npTypingsPath, "utf8");

/** Type-checks `code` as a learner file with only np.d.ts available; returns the error messages. */
function typeErrors(code: string): string[] {
  const sample = join(process.cwd(), "__learner__.ts");
  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ["lib.es2023.d.ts"],
    types: [],
  };
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, lang, onError) =>
    name === sample ? ts.createSourceFile(name, code, lang) : getSourceFile(name, lang, onError);
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (name) => name === sample || fileExists(name);
  const program = ts.createProgram([sample, npTypingsPath], options, host);
  return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
}

describe("np.d.ts", () => {
  it("is up to date with grader/np (run npx tsx scripts/build-np-typings.ts)", () => {
    expect(committed).toBe(renderNpTypings());
  });

  it("documents every public function of np with a doc comment", () => {
    const source = ts.createSourceFile("np.d.ts", committed, ts.ScriptTarget.ES2022, true);
    const npModule = source.statements.find(
      (s): s is ts.ModuleDeclaration => ts.isModuleDeclaration(s) && s.name.getText(source) === '"np"',
    );
    expect(npModule?.body && ts.isModuleBlock(npModule.body)).toBe(true);
    const body = npModule!.body as ts.ModuleBlock;
    const documented = new Map<string, boolean>();
    for (const st of body.statements) {
      if (!ts.isFunctionDeclaration(st) || !st.name) continue;
      const hasDoc = ((st as { jsDoc?: unknown[] }).jsDoc ?? []).length > 0;
      documented.set(st.name.text, (documented.get(st.name.text) ?? false) || hasDoc);
    }
    expect(documented.size).toBeGreaterThan(60);
    expect([...documented].filter(([, doc]) => !doc).map(([name]) => name)).toEqual([]);
  });

  it("type-checks learner code written like numpy", () => {
    const errors = typeErrors(`
      import * as np from "np";
      import type { NDArray } from "np";
      function sigmoid(z: NDArray): NDArray {
        return np.divide(1, np.add(1, np.exp(np.negative(z))));
      }
      const W1: NDArray = np.multiply(np.ones([4, 2]), 0.01);
      const X = np.array([[1, 2, 3], [4, 5, 6]]);
      const b1 = np.zeros([4, 1]);
      const Z1 = np.add(np.dot(W1, X), b1);
      const A1 = np.tanh(Z1);
      const cost: number = -np.sum(np.log(sigmoid(A1))) / 3;
      const db1: NDArray = np.sum(Z1, { axis: 1, keepdims: true });
      const m: number = X.shape[1] ?? 0;
      const n: number = np.linalg.norm(np.subtract(A1, Z1));
      const printed: string = A1.T.reshape(-1).toString() + String(cost + m + n) + String(db1.get(0, 0));
      const chained: number = A1.mul(2).add(b1).sum();
      const sd: number = np.std(A1) + np.var(A1, { ddof: 1 }) + np.mean(A1) + np.max(A1) + np.argmax(A1);
      export { printed, chained, sd };
    `);
    expect(errors).toEqual([]);
  });

  it("hides the runtime's internal helpers", () => {
    const errors = typeErrors(`
      import * as np from "np";
      np.asNDArray([1]);
      np.fromTensor({ data: new Float64Array(1), shape: [1] });
      np.reduceArray(np.zeros(1), {}, "sum");
    `);
    expect(errors).toHaveLength(3);
    for (const e of errors) expect(e).toMatch(/does not exist on type/);
  });
});
