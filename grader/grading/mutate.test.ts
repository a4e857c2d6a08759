// Source-level mutants: each operator produces the slip it names, and nothing else changes.
import { describe, expect, it } from "vitest";
import { mutateSolution } from "./mutate";

const source = `import * as np from "np";
export function f(A, B, X) {
  const m = X.shape[1];
  const dW = np.multiply(1 / m, np.dot(A, B.T));
  const db = np.multiply(1 / m, np.sum(A, { axis: 1, keepdims: true }));
  return { dW, db, d: np.subtract(A, X) };
}
`;

describe("mutateSolution", () => {
  const mutants = mutateSolution(source);
  const find = (what: string) => mutants.find((m) => m.description.endsWith(what));

  it("drops the 1/m factor", () => {
    expect(find("dropped factor 1 / m")?.source).toContain("const dW = np.dot(A, B.T);");
  });

  it("removes and adds .T, swaps non-commuting arguments", () => {
    expect(find("removed .T from B")?.source).toContain("np.dot(A, B)");
    expect(find("added .T to A")?.source).toContain("np.dot(A.T, B.T)");
    expect(find("np.dot(A, B.T) → arguments swapped")?.source).toContain("np.dot(B.T, A)");
    expect(find("np.subtract(A, X) → arguments swapped")?.source).toContain("np.subtract(X, A)");
  });

  it("changes the axis and loses keepdims", () => {
    expect(find("axis: 1 → 0")?.source).toContain("{ axis: 0, keepdims: true }");
    expect(find("keepdims: true → false")?.source).toContain("{ axis: 1, keepdims: false }");
  });

  it("swaps arithmetic functions and operators", () => {
    expect(find("subtract → add")?.source).toContain("np.add(A, X)");
    expect(find("/ → * in 1 / m")?.source).toContain("np.multiply(1 * m, np.dot");
  });

  it("names each mutant by its position and never repeats a mutant", () => {
    expect(mutants.every((m) => /^\d+:\d+ /.test(m.description))).toBe(true);
    expect(new Set(mutants.map((m) => m.source)).size).toBe(mutants.length);
    expect(mutants.every((m) => m.source !== source)).toBe(true);
  });
});
