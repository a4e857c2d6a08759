// np.linalg: the norms used in gradient checking (‖a - b‖ / (‖a‖ + ‖b‖)).
// Only the norms numpy computes without a decomposition are supported.
import { ValueError } from "./errors";
import { reduceKernel } from "./kernels/reduce";
import { normalizeAxes } from "./kernels/shape";
import { asNDArray, fromTensor, type ArrayInput, type NDArray } from "./ndarray";

/** Options of np.linalg.norm. */
export interface NormOptions {
  /** Order: undefined/2 (Euclidean / Frobenius), 1, Infinity, -Infinity, 0 or any p for vectors; "fro" for matrices. */
  ord?: number | "fro" | null;
  /** Axis (vector norms) or pair of axes (matrix norms); omitted uses the whole array. */
  axis?: number | readonly number[] | null;
  /** Keep reduced axes as dimensions of length 1. */
  keepdims?: boolean;
}

function sumAbsPow(values: Float64Array, p: number): number {
  let s = 0;
  for (const v of values) s += Math.abs(v) ** p;
  return s;
}

/** Vector or matrix norm: the Euclidean/Frobenius norm by default (a number without axis). */
export function norm(x: ArrayInput, options?: { ord?: null | 2 | "fro"; axis?: null; keepdims?: false }): number;
export function norm(x: ArrayInput, ordOrOptions: NormOptions | number | "fro" | null, axis?: number | readonly number[] | null): number | NDArray;
export function norm(x: ArrayInput, ordOrOptions?: NormOptions | number | "fro" | null, axis?: number | readonly number[] | null): number | NDArray {
  // numpy's norm(x, ord, axis) is often called positionally: norm(x, 1), norm(x, 2, 0).
  const options: NormOptions =
    ordOrOptions === undefined ? {} : typeof ordOrOptions === "object" && ordOrOptions !== null ? { ...ordOrOptions } : { ord: ordOrOptions };
  if (axis !== undefined) options.axis = axis;
  const a = asNDArray(x);
  const ord = options.ord ?? null;
  const keepdims = options.keepdims ?? false;
  if (options.axis === undefined || options.axis === null) {
    if (ord === "fro" && a.ndim !== 2) throw new ValueError("Invalid norm order 'fro' for vectors");
    if (ord === null || ord === "fro" || (ord === 2 && a.ndim === 1)) {
      // numpy: sqrt(dot(x.ravel(), x.ravel())).
      let s = 0;
      for (const v of a.data) s += v * v;
      const r = Math.sqrt(s);
      return keepdims ? asNDArray(r).reshape(a.shape.map(() => 1)) : r;
    }
    if (a.ndim === 1) return vectorNorm(a.data, ord);
    if (a.ndim === 2) return matrixNorm(a, ord);
    throw new ValueError("Improper number of dimensions to norm.");
  }
  const axes = normalizeAxes(options.axis, a.ndim);
  if (axes.length === 1) {
    if (ord === "fro") throw new ValueError("Invalid norm order 'fro' for vectors");
    const squared = asNDArray(a).copy();
    const d = squared.data;
    if (ord === null || ord === 2) {
      for (let i = 0; i < d.length; i++) d[i] = d[i]! * d[i]!;
      const t = reduceKernel(squared, axes, keepdims, "sum");
      for (let i = 0; i < t.data.length; i++) t.data[i] = Math.sqrt(t.data[i]!);
      return fromTensor(t);
    }
    if (ord === Infinity || ord === -Infinity) {
      for (let i = 0; i < d.length; i++) d[i] = Math.abs(d[i]!);
      return fromTensor(reduceKernel(squared, axes, keepdims, ord === Infinity ? "max" : "min"));
    }
    if (ord === 0) {
      for (let i = 0; i < d.length; i++) d[i] = d[i] !== 0 ? 1 : 0;
      return fromTensor(reduceKernel(squared, axes, keepdims, "sum"));
    }
    for (let i = 0; i < d.length; i++) d[i] = Math.abs(d[i]!) ** ord;
    const t = reduceKernel(squared, axes, keepdims, "sum");
    if (ord !== 1) for (let i = 0; i < t.data.length; i++) t.data[i] = t.data[i]! ** (1 / ord);
    return fromTensor(t);
  }
  if (axes.length === 2 && (ord === null || ord === "fro")) {
    const sq = a.copy();
    for (let i = 0; i < sq.data.length; i++) sq.data[i] = sq.data[i]! * sq.data[i]!;
    const t = reduceKernel(sq, axes, keepdims, "sum");
    for (let i = 0; i < t.data.length; i++) t.data[i] = Math.sqrt(t.data[i]!);
    return fromTensor(t);
  }
  throw new ValueError("Improper number of dimensions to norm.");
}

function vectorNorm(d: Float64Array, ord: number | "fro"): number {
  if (ord === "fro") throw new ValueError("Invalid norm order 'fro' for vectors");
  if (ord === Infinity) return d.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
  if (ord === -Infinity) return d.reduce((m, v) => Math.min(m, Math.abs(v)), Infinity);
  if (ord === 0) return d.reduce((s, v) => s + (v !== 0 ? 1 : 0), 0);
  if (ord === 1) return sumAbsPow(d, 1);
  return sumAbsPow(d, ord) ** (1 / ord);
}

function matrixNorm(a: NDArray, ord: number): number {
  const [rows = 0, cols = 0] = a.shape;
  const abs = a.data.map(Math.abs);
  if (ord === 1 || ord === -1) {
    const colSums = Array.from({ length: cols }, (_, j) => {
      let s = 0;
      for (let i = 0; i < rows; i++) s += abs[i * cols + j]!;
      return s;
    });
    return ord === 1 ? Math.max(...colSums) : Math.min(...colSums);
  }
  if (ord === Infinity || ord === -Infinity) {
    const rowSums = Array.from({ length: rows }, (_, i) => {
      let s = 0;
      for (let j = 0; j < cols; j++) s += abs[i * cols + j]!;
      return s;
    });
    return ord === Infinity ? Math.max(...rowSums) : Math.min(...rowSums);
  }
  throw new ValueError(`matrix norm of order ${ord} needs a singular value decomposition, which np.linalg does not provide here`);
}
