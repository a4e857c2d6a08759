// The tolerance the browser Run uses for an exercise's examples: the exercise's first allclose
// check on the whole output (what the grader applies to the examples too). Not secret.
import { DEFAULT_TOLERANCE, type ExampleTolerance } from "./compare-examples";

interface CheckLike {
  readonly check: string;
  readonly path?: string;
  readonly rtol?: number;
  readonly atol?: number;
  readonly accept?: readonly { readonly whereArg: string; readonly equals: number; readonly values: readonly (number | string)[] }[];
}

export function exampleTolerance(checks: readonly CheckLike[]): ExampleTolerance {
  const allclose = checks.find((c) => c.check === "allclose");
  if (!allclose) return DEFAULT_TOLERANCE;
  return {
    rtol: allclose.rtol ?? DEFAULT_TOLERANCE.rtol,
    atol: allclose.atol ?? DEFAULT_TOLERANCE.atol,
    // "$alpha"-style values refer to another argument; the browser keeps only literal numbers.
    accept: (allclose.accept ?? []).map((rule) => ({
      whereArg: rule.whereArg,
      equals: rule.equals,
      values: rule.values.filter((v): v is number => typeof v === "number"),
    })),
  };
}
