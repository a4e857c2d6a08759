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
}

/** numpy's allclose defaults, used when an exercise states no tolerance. */
export const DEFAULT_TOLERANCE: ExampleTolerance = { rtol: 1e-5, atol: 1e-8, accept: [] };

export type Mismatch =
  | { readonly kind: "missing"; readonly path: string }
  | { readonly kind: "type"; readonly path: string; readonly expected: string; readonly actual: string }
  | { readonly kind: "shape"; readonly path: string; readonly expected: readonly number[]; readonly actual: readonly number[] }
  | { readonly kind: "not-finite"; readonly path: string; readonly index: readonly number[] }
  | { readonly kind: "value"; readonly path: string; readonly maxAbsError: number; readonly worstIndex: readonly number[] };

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
  const here = (kind: string) => (path === "" ? kind : path);
  if (actual === undefined) return { pass: false, mismatch: { kind: "missing", path: here("") } };
  const ek = kindOf(expected);
  const ak = kindOf(actual);
  if (ek !== ak) return { pass: false, mismatch: { kind: "type", path, expected: ek, actual: ak } };
  if (isShownArray(expected) && isShownArray(actual)) {
    const sameShape = expected.shape.length === actual.shape.length && expected.shape.every((n, i) => n === actual.shape[i]);
    if (!sameShape) return { pass: false, mismatch: { kind: "shape", path, expected: expected.shape, actual: actual.shape } };
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
