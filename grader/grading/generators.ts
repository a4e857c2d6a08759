// Input generators: turn the declarative inputs of exercise.json into host values for one test
// draw. Random generators draw from the test's InputStream (seeded per submission), reference
// generators call the trusted reference network in the host. Edit to add a generator (and add it
// to grader/exercise/schema.ts and docs/authoring.md).
import type { Input, ReferenceFn } from "../exercise/schema";
import type { InputStream } from "./rng";
import { HostArray, type HostValue, atPath } from "./values";

/** The reference network and data the generators may call (trusted code, run in the host). */
export interface ReferenceNetwork {
  readonly functions: Record<ReferenceFn, (...args: HostValue[]) => HostValue>;
  planar(m: number, seed: number): { X: HostArray; Y: HostArray };
  /**
   * Relative differences ‖g − ĝ‖ / (‖g‖ + ‖ĝ‖) between the given gradients and centred
   * differences of the reference cost J(parameters; X, Y), per parameter and over all of them.
   */
  gradientDifferences(
    parameters: Readonly<Record<string, HostArray>>,
    X: HostArray,
    Y: HostArray,
    gradients: Readonly<Record<string, HostArray>>,
    epsilon: number,
  ): { difference: number; perParameter: Record<string, number> };
  /**
   * The same centred differences for a cost the host cannot evaluate (the learner's own J, run in
   * the sandbox): `perturbations` lists every parameter set J must be evaluated at (each entry
   * moved by +ε, then −ε), and `differences` turns their costs, in that order, into the result.
   */
  gradientDifferencesPlan(
    parameters: Readonly<Record<string, HostArray>>,
    gradients: Readonly<Record<string, HostArray>>,
    epsilon: number,
  ): {
    perturbations: Record<string, HostArray>[];
    differences(costs: readonly number[]): { difference: number; perParameter: Record<string, number> };
  };
  /** The first `count` values of np.random.randn after np.random.seed(seed). */
  randnAfterSeed(seed: number, count: number): Float64Array;
}

export interface GeneratorContext {
  readonly stream: InputStream;
  readonly bindings: Map<string, HostValue>;
  readonly reference: ReferenceNetwork;
}

export class GeneratorError extends Error {}

const sizeOf = (shape: readonly number[]) => shape.reduce((a, b) => a * b, 1);

function filled(shape: readonly number[], next: (i: number) => number): HostArray {
  const data = new Float64Array(sizeOf(shape));
  for (let i = 0; i < data.length; i++) data[i] = next(i);
  return new HostArray(shape, data);
}

function nestedToArray(value: unknown): HostArray {
  const shape: number[] = [];
  let probe: unknown = value;
  while (Array.isArray(probe)) {
    shape.push(probe.length);
    probe = probe[0];
  }
  const flat: number[] = [];
  const walk = (v: unknown, depth: number): void => {
    if (depth === shape.length) {
      if (typeof v !== "number") throw new GeneratorError("array: ragged nested lists");
      flat.push(v);
      return;
    }
    if (!Array.isArray(v) || v.length !== shape[depth]) throw new GeneratorError("array: ragged nested lists");
    for (const item of v) walk(item, depth + 1);
  };
  walk(value, 0);
  return new HostArray(shape, Float64Array.from(flat));
}

function resolveReference(ref: string, bindings: Map<string, HostValue>): HostValue {
  const [name, ...path] = ref.slice(1).split(".");
  if (name === undefined || !bindings.has(name)) throw new GeneratorError(`unknown binding "${ref}"`);
  const value = atPath(bindings.get(name), path.join("."));
  if (value === undefined) throw new GeneratorError(`"${ref}" is undefined`);
  return value;
}

export function generateInput(input: Input, ctx: GeneratorContext): HostValue {
  if (typeof input === "string") return input.startsWith("$") ? resolveReference(input, ctx.bindings) : input;
  if (typeof input !== "object" || input === null) return input;
  const s = ctx.stream;
  switch (input.gen) {
    case "randn":
      return filled(input.shape, () => input.mean + input.scale * s.normal());
    case "uniform":
      return filled(input.shape, () => input.low + (input.high - input.low) * s.random());
    case "integers":
      return filled(input.shape, () => s.integer(input.low, input.high));
    case "labels":
      return filled(input.shape, () => (s.random() < input.p ? 1 : 0));
    case "array":
      return nestedToArray(input.value);
    case "edge": {
      const values = input.values;
      const array = filled(input.shape, (i) => values[i % values.length] ?? 0);
      if (input.shuffle) {
        // Fisher–Yates with the test's stream: positions change per submission, values do not.
        const d = array.data;
        for (let i = d.length - 1; i > 0; i--) {
          const j = s.integer(0, i + 1);
          const t = d[i] ?? 0;
          d[i] = d[j] ?? 0;
          d[j] = t;
        }
      }
      return array;
    }
    case "planar":
      return ctx.reference.planar(input.m, input.seed ?? s.seed());
    case "parameters": {
      const randn = (rows: number, cols: number) => filled([rows, cols], () => input.scale * s.normal());
      const bias = (rows: number) =>
        input.biases === "zeros" ? filled([rows, 1], () => 0) : filled([rows, 1], () => input.scale * s.normal());
      return { W1: randn(input.nh, input.nx), b1: bias(input.nh), W2: randn(input.ny, input.nh), b2: bias(input.ny) };
    }
    case "reference": {
      const args = input.args.map((a) => generateInput(a, ctx));
      const result = ctx.reference.functions[input.fn](...args);
      if (input.pick === undefined) return result;
      const picked = atPath(result, String(input.pick));
      if (picked === undefined) throw new GeneratorError(`reference ${input.fn}: nothing at ${input.pick}`);
      return picked;
    }
    case "fn":
      return { $fn: input.source };
    case "object": {
      const out: Record<string, HostValue> = {};
      for (const [key, value] of Object.entries(input.fields)) out[key] = generateInput(value, ctx);
      return out;
    }
    case "list":
      return input.items.map((item) => generateInput(item, ctx));
  }
}

/** Evaluates a test's `let` bindings in order, then its arguments in `params` order. */
export function generateCall(
  test: { let: Record<string, Input>; args: Record<string, Input> },
  params: readonly string[],
  ctx: GeneratorContext,
): { args: HostValue[]; named: Map<string, HostValue> } {
  for (const [name, input] of Object.entries(test.let)) ctx.bindings.set(name, generateInput(input, ctx));
  const named = new Map<string, HostValue>();
  for (const param of params) {
    const input = test.args[param];
    if (input !== undefined) named.set(param, generateInput(input, ctx));
  }
  // Trailing arguments left out are not passed at all, so the learner's default applies.
  let count = params.length;
  while (count > 0 && !named.has(params[count - 1] ?? "")) count -= 1;
  const args: HostValue[] = [];
  for (let i = 0; i < count; i++) args.push(named.get(params[i] ?? ""));
  return { args, named };
}
