// The tolerance the browser Run uses for an exercise's examples: the exercise's first allclose
// check on the whole output (what the grader applies to the examples too). Not secret.
import { DEFAULT_TOLERANCE, type ExampleTolerance } from "./compare-examples";

interface CheckLike {
  readonly check: string;
  readonly weights?: readonly string[];
  readonly biases?: readonly string[];
  readonly scale?: number;
  readonly path?: string;
  readonly rtol?: number;
  readonly atol?: number;
  readonly accept?: readonly { readonly whereArg: string; readonly equals: number; readonly values: readonly (number | string)[] }[];
}

export function exampleTolerance(checks: readonly CheckLike[]): ExampleTolerance {
  const randomInit = checks.find((c) => c.check === "randomInit");
  if (randomInit) {
    return { ...DEFAULT_TOLERANCE, randomInit: { weights: randomInit.weights ?? [], biases: randomInit.biases ?? [], scale: randomInit.scale ?? 0.01 } };
  }
  const allclose = checks.find((c) => c.check === "allclose");
  if (!allclose) return { ...DEFAULT_TOLERANCE, shapeOnly: true };
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

/** Sources of an example's author functions ({ gen: "fn", source }), by argument name. */
export function functionArgsOf(args: Readonly<Record<string, unknown>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, spec] of Object.entries(args)) {
    if (spec !== null && typeof spec === "object" && "gen" in spec && spec.gen === "fn" && "source" in spec && typeof spec.source === "string") {
      out[name] = spec.source;
    }
  }
  return out;
}
