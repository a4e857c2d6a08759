// How a Run result is judged against an example's expected output. Shared by the in-browser Run
// (lib/run/run.worker.ts) and the test that checks Run agrees with the server's grading on every
// visible example (lib/run/agreement.test.ts). Same layers as the grader: structure, shape, then
// allclose with the exercise's tolerance and accepted alternatives.
import { isShownArray } from "./shown";

export interface ExampleTolerance {
  readonly rtol: number;
  readonly atol: number;
  /** Where argument `whereArg` equals `equals`, any of `values` is accepted (e.g. ReLU'(0)). */
  readonly accept: readonly { readonly whereArg: string; readonly equals: number; readonly values: readonly number[] }[];
  /**
   * Compare structure and shapes only: the exercise's check is not a value comparison (random
   * initialisation, training), so the reference output is an illustration, not the answer.
   */
  readonly shapeOnly?: boolean;
  /** The grader's randomInit check: zero biases, distinct rows, the scale, seeded draws. */
  readonly randomInit?: { readonly weights: readonly string[]; readonly biases: readonly string[]; readonly scale: number };
}

/** numpy's allclose defaults, used when an exercise states no tolerance. */
export const DEFAULT_TOLERANCE: ExampleTolerance = { rtol: 1e-5, atol: 1e-8, accept: [] };

export type Mismatch =
  | { readonly kind: "missing"; readonly path: string }
  | { readonly kind: "type"; readonly path: string; readonly expected: string; readonly actual: string }
  | { readonly kind: "shape"; readonly path: string; readonly expected: readonly number[]; readonly actual: readonly number[] }
  | { readonly kind: "not-finite"; readonly path: string; readonly index: readonly number[] }
  | { readonly kind: "value"; readonly path: string; readonly maxAbsError: number; readonly worstIndex: readonly number[] }
  | { readonly kind: "random-init"; readonly path: string; readonly problem: "bias-not-zero" | "weights-all-zero" | "rows-equal" | "scale" | "not-drawn" };

export interface ExampleComparison {
  readonly pass: boolean;
  readonly mismatch?: Mismatch;
}

const NON_FINITE: Record<string, number> = { Infinity: Infinity, "-Infinity": -Infinity, NaN: NaN };

function asNumber(value: unknown): number | null {
  if (typeof value === "number") return value;
  if (value === null) return NaN;
  if (typeof value === "string" && value in NON_FINITE) return NON_FINITE[value] ?? null;
  return null;
}

function flatten(values: unknown, out: (number | null)[] = []): (number | null)[] {
  if (Array.isArray(values)) for (const v of values) flatten(v, out);
  else out.push(asNumber(values));
  return out;
}

function unravel(flat: number, shape: readonly number[]): number[] {
  const index: number[] = [];
  let rest = flat;
  for (let axis = shape.length - 1; axis >= 0; axis--) {
    const n = shape[axis] ?? 1;
    index.unshift(rest % n);
    rest = Math.floor(rest / n);
  }
  return index;
}

function kindOf(value: unknown): string {
  if (isShownArray(value)) return "array";
  if (Array.isArray(value)) return "list";
  if (value === null) return "null";
  if (typeof value === "string" && value in NON_FINITE) return "number";
  return typeof value;
}

const close = (a: number, e: number, tol: ExampleTolerance): boolean =>
  a === e || (Number.isNaN(a) && Number.isNaN(e)) || Math.abs(a - e) <= tol.atol + tol.rtol * Math.abs(e);

/**
 * Compares a learner's shown result with the expected shown output. `args` (shown) is needed only
 * for `accept` rules, which look at the argument entry at the same index.
 */
export function compareExample(
  actual: unknown,
  expected: unknown,
  tolerance: ExampleTolerance = DEFAULT_TOLERANCE,
  args: Readonly<Record<string, unknown>> = {},
  path = "",
): ExampleComparison {
  if (tolerance.randomInit && path === "") {
    const shapes = compareExample(actual, expected, { ...tolerance, randomInit: undefined, shapeOnly: true }, args);
    return shapes.pass ? compareRandomInit(actual, expected, tolerance.randomInit) : shapes;
  }
  const here = (kind: string) => (path === "" ? kind : path);
  if (actual === undefined) return { pass: false, mismatch: { kind: "missing", path: here("") } };
  const ek = kindOf(expected);
  const ak = kindOf(actual);
  if (ek !== ak) return { pass: false, mismatch: { kind: "type", path, expected: ek, actual: ak } };
  if (isShownArray(expected) && isShownArray(actual)) {
    const sameShape = expected.shape.length === actual.shape.length && expected.shape.every((n, i) => n === actual.shape[i]);
    if (!sameShape) return { pass: false, mismatch: { kind: "shape", path, expected: expected.shape, actual: actual.shape } };
    if (tolerance.shapeOnly) return { pass: true };
    const e = flatten(expected.values);
    const a = flatten(actual.values);
    const acceptArgs = tolerance.accept.map((rule) => {
      const arg = args[rule.whereArg];
      return { rule, values: isShownArray(arg) ? flatten(arg.values) : null };
    });
    let worst = -1;
    let worstError = 0;
    for (let i = 0; i < e.length; i++) {
      const ev = e[i] ?? NaN;
      const av = a[i];
      if (av === null || av === undefined) return { pass: false, mismatch: { kind: "type", path, expected: "number", actual: "other" } };
      if (!Number.isFinite(av) && Number.isFinite(ev)) {
        return { pass: false, mismatch: { kind: "not-finite", path, index: unravel(i, expected.shape) } };
      }
      if (close(av, ev, tolerance)) continue;
      const accepted = acceptArgs.some(({ rule, values }) => values?.[i] === rule.equals && rule.values.some((v) => close(av, v, tolerance)));
      if (accepted) continue;
      const error = Math.abs(av - ev);
      if (worst < 0 || error > worstError || Number.isNaN(error)) {
        worst = i;
        worstError = error;
      }
    }
    if (worst >= 0) {
      return { pass: false, mismatch: { kind: "value", path, maxAbsError: worstError, worstIndex: unravel(worst, expected.shape) } };
    }
    return { pass: true };
  }
  if (Array.isArray(expected) && Array.isArray(actual)) {
    if (expected.length !== actual.length) {
      return { pass: false, mismatch: { kind: "shape", path, expected: [expected.length], actual: [actual.length] } };
    }
    for (let i = 0; i < expected.length; i++) {
      const result = compareExample(actual[i], expected[i], tolerance, args, path === "" ? String(i) : `${path}.${i}`);
      if (!result.pass) return result;
    }
    return { pass: true };
  }
  if (ek === "number") {
    if (tolerance.shapeOnly) return { pass: true };
    const e = asNumber(expected) ?? NaN;
    const a = asNumber(actual) ?? NaN;
    if (!Number.isFinite(a) && Number.isFinite(e)) return { pass: false, mismatch: { kind: "not-finite", path, index: [] } };
    return close(a, e, tolerance) ? { pass: true } : { pass: false, mismatch: { kind: "value", path, maxAbsError: Math.abs(a - e), worstIndex: [] } };
  }
  if (ek === "object" && expected !== null && actual !== null && typeof expected === "object" && typeof actual === "object") {
    const exp = expected as Record<string, unknown>;
    const act = actual as Record<string, unknown>;
    for (const key of Object.keys(exp)) {
      const child = path === "" ? key : `${path}.${key}`;
      if (!(key in act)) return { pass: false, mismatch: { kind: "missing", path: child } };
      const result = compareExample(act[key], exp[key], tolerance, args, child);
      if (!result.pass) return result;
    }
    return { pass: true };
  }
  return Object.is(actual, expected) ? { pass: true } : { pass: false, mismatch: { kind: "value", path, maxAbsError: NaN, worstIndex: [] } };
}

function arrayAt(value: unknown, key: string): { shape: number[]; data: number[] } | null {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return null;
  const entry = (value as Record<string, unknown>)[key];
  return isShownArray(entry) ? { shape: entry.shape, data: flatten(entry.values).map((x) => x ?? NaN) } : null;
}

/**
 * Mirrors the grader's randomInit check (grader/grading/checks.ts). The seeded draws are compared
 * with the expected output's (the reference drew them after the same np.random.seed), as multisets
 * because W1 and W2 may be drawn in either order.
 */
function compareRandomInit(actual: unknown, expected: unknown, rule: NonNullable<ExampleTolerance["randomInit"]>): ExampleComparison {
  const fail = (path: string, problem: Extract<Mismatch, { kind: "random-init" }>["problem"]): ExampleComparison => ({
    pass: false,
    mismatch: { kind: "random-init", path, problem },
  });
  for (const key of rule.biases) {
    if (arrayAt(actual, key)?.data.some((x) => x !== 0)) return fail(key, "bias-not-zero");
  }
  const drawn: number[] = [];
  const reference: number[] = [];
  for (const key of rule.weights) {
    const w = arrayAt(actual, key);
    if (!w) continue;
    if (w.data.every((x) => x === 0)) return fail(key, "weights-all-zero");
    const rows = w.shape[0] ?? 1;
    const cols = w.data.length / Math.max(rows, 1);
    for (let r = 0; r < rows; r++) {
      for (let q = r + 1; q < rows; q++) {
        let same = true;
        for (let c = 0; c < cols && same; c++) same = w.data[r * cols + c] === w.data[q * cols + c];
        if (same) return fail(key, "rows-equal");
      }
    }
    const meanAbs = w.data.reduce((s, x) => s + Math.abs(x), 0) / w.data.length;
    if (meanAbs > rule.scale * 8 || meanAbs < rule.scale * 0.08) return fail(key, "scale");
    drawn.push(...w.data);
    reference.push(...(arrayAt(expected, key)?.data ?? []));
  }
  const a = drawn.map((x) => x / rule.scale).sort((x, y) => x - y);
  const e = reference.map((x) => x / rule.scale).sort((x, y) => x - y);
  const same = a.length === e.length && a.every((x, i) => Math.abs(x - (e[i] ?? NaN)) <= 1e-9 * Math.max(1, Math.abs(x)));
  return same ? { pass: true } : fail("", "not-drawn");
}
