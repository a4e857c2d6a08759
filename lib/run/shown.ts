// The "shown" value format of public examples and verdicts (grader/grading/values.ts toShown):
// arrays as { shape, values } with nested values, non-finite numbers as strings. This module
// moves values between that format and the np runtime, for the in-browser Run.
import { np, isNDArray } from "@/grader/browser";

export type Shown = number | boolean | string | null | Shown[] | { [key: string]: Shown };

export interface ShownArray {
  readonly shape: number[];
  readonly values: unknown;
}

export function isShownArray(value: unknown): value is ShownArray {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  return keys.length === 2 && "shape" in value && "values" in value && Array.isArray(value.shape);
}

const NON_FINITE: Record<string, number> = { Infinity: Infinity, "-Infinity": -Infinity, NaN: NaN };

function toNumberTree(values: unknown): unknown {
  if (Array.isArray(values)) return values.map(toNumberTree);
  if (typeof values === "string" && values in NON_FINITE) return NON_FINITE[values];
  if (values === null) return NaN; // JSON turns NaN into null inside arrays
  return values;
}

/** A shown example argument as the learner's function receives it (NDArrays for arrays). */
export function fromShown(value: unknown): unknown {
  if (isShownArray(value)) {
    const nested = toNumberTree(value.values);
    if (value.shape.length === 0) return np.array(nested as number).reshape([]);
    return np.reshape(np.array(nested as np.ArrayInput), value.shape);
  }
  if (typeof value === "string" && value in NON_FINITE) return NON_FINITE[value];
  if (Array.isArray(value)) return value.map(fromShown);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fromShown(v)]));
  }
  return value;
}

function finiteOrString(value: number): number | string {
  return Number.isFinite(value) ? value : String(value);
}

/** The learner's result in the shown format, to compare with the expected output and to display. */
export function toShownValue(value: unknown, seen: Set<unknown> = new Set()): Shown {
  if (value === undefined || value === null) return null;
  if (isNDArray(value)) return { shape: [...value.shape], values: value.toArray() as Shown };
  if (typeof value === "number") return finiteOrString(value);
  if (typeof value === "boolean" || typeof value === "string") return value;
  if (typeof value === "bigint") return Number(value);
  if (typeof value === "function") return "<function>";
  if (typeof value === "object") {
    if (seen.has(value)) return "<cycle>";
    seen.add(value);
    if (Array.isArray(value)) return value.map((v) => toShownValue(v, seen));
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toShownValue(v, seen)]));
  }
  return typeof value === "symbol" ? value.toString() : "<unknown>";
}
