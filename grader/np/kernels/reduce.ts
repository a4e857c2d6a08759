// Reductions along axes. Sums use numpy's pairwise summation along contiguous
// runs (blocks of 8, split above 128 elements) so that np.sum gives the same
// bits as numpy, and strided axes are accumulated row by row as numpy does.
import { ValueError } from "../errors";
import { shapeSize, type Tensor } from "./shape";
import { allocFloat64 } from "./alloc";

export type ReduceOp = "sum" | "prod" | "max" | "min";

const PAIRWISE_BLOCK = 128;

/** numpy's pairwise_sum over data[start .. start+n). */
export function pairwiseSum(data: Float64Array, start: number, n: number): number {
  if (n < 8) {
    let res = 0;
    for (let i = 0; i < n; i++) res += data[start + i]!;
    return res;
  }
  if (n <= PAIRWISE_BLOCK) {
    let r0 = data[start]!, r1 = data[start + 1]!, r2 = data[start + 2]!, r3 = data[start + 3]!;
    let r4 = data[start + 4]!, r5 = data[start + 5]!, r6 = data[start + 6]!, r7 = data[start + 7]!;
    const end = n - (n % 8);
    let i = 8;
    for (; i < end; i += 8) {
      const p = start + i;
      r0 += data[p]!;
      r1 += data[p + 1]!;
      r2 += data[p + 2]!;
      r3 += data[p + 3]!;
      r4 += data[p + 4]!;
      r5 += data[p + 5]!;
      r6 += data[p + 6]!;
      r7 += data[p + 7]!;
    }
    let res = r0 + r1 + (r2 + r3) + (r4 + r5 + (r6 + r7));
    for (; i < n; i++) res += data[start + i]!;
    return res;
  }
  let n2 = Math.floor(n / 2);
  n2 -= n2 % 8;
  return pairwiseSum(data, start, n2) + pairwiseSum(data, start + n2, n - n2);
}

const NUMPY_NAME: Record<ReduceOp, string> = { sum: "add", prod: "multiply", max: "maximum", min: "minimum" };

function reduceRun(op: ReduceOp, data: Float64Array, start: number, n: number): number {
  switch (op) {
    case "sum":
      return pairwiseSum(data, start, n);
    case "prod": {
      let p = 1;
      for (let i = 0; i < n; i++) p *= data[start + i]!;
      return p;
    }
    case "max": {
      let m = data[start]!;
      // `v !== v` keeps NaN sticky: numpy's maximum propagates NaN.
      for (let i = 1; i < n; i++) {
        const v = data[start + i]!;
        if (v > m || v !== v) m = v;
        if (m !== m) break;
      }
      return m;
    }
    case "min": {
      let m = data[start]!;
      for (let i = 1; i < n; i++) {
        const v = data[start + i]!;
        if (v < m || v !== v) m = v;
        if (m !== m) break;
      }
      return m;
    }
  }
}

function combine(op: ReduceOp, acc: number, v: number): number {
  switch (op) {
    case "sum":
      return acc + v;
    case "prod":
      return acc * v;
    case "max":
      return v > acc || v !== v || acc !== acc ? (acc !== acc ? acc : v) : acc;
    case "min":
      return v < acc || v !== v || acc !== acc ? (acc !== acc ? acc : v) : acc;
  }
}

function emptyReduction(op: ReduceOp): number {
  if (op === "sum") return 0;
  if (op === "prod") return 1;
  throw new ValueError(`zero-size array to reduction operation ${NUMPY_NAME[op]} which has no identity`);
}

/** Reduces one axis, keeping it as a dimension of length 1. */
function reduceOneAxis(t: Tensor, axis: number, op: ReduceOp): Tensor {
  const shape = t.shape;
  const len = shape[axis]!;
  const outer = shapeSize(shape.slice(0, axis));
  const inner = shapeSize(shape.slice(axis + 1));
  const outShape = shape.slice();
  outShape[axis] = 1;
  const out = allocFloat64(outer * inner);
  const src = t.data;
  if (out.length === 0) return { data: out, shape: outShape };
  if (len === 0) {
    out.fill(emptyReduction(op));
    return { data: out, shape: outShape };
  }
  if (inner === 1) {
    for (let o = 0; o < outer; o++) out[o] = reduceRun(op, src, o * len, len);
    return { data: out, shape: outShape };
  }
  for (let o = 0; o < outer; o++) {
    const base = o * len * inner;
    const ob = o * inner;
    for (let j = 0; j < inner; j++) out[ob + j] = src[base + j]!;
    for (let i = 1; i < len; i++) {
      const row = base + i * inner;
      if (op === "sum") for (let j = 0; j < inner; j++) out[ob + j]! += src[row + j]!;
      else for (let j = 0; j < inner; j++) out[ob + j] = combine(op, out[ob + j]!, src[row + j]!);
    }
  }
  return { data: out, shape: outShape };
}

/** Reduces `axes` (normalised, sorted, unique); keepdims keeps them as length-1 dims. */
export function reduceKernel(t: Tensor, axes: readonly number[], keepdims: boolean, op: ReduceOp): Tensor {
  const ndim = t.shape.length;
  const outShape = keepdims ? t.shape.map((d, i) => (axes.includes(i) ? 1 : d)) : t.shape.filter((_, i) => !axes.includes(i));
  if (axes.length === ndim) {
    // Whole-array reduction over the flat contiguous data, exactly like numpy.
    if (t.data.length === 0) return { data: Float64Array.of(emptyReduction(op)), shape: outShape };
    return { data: Float64Array.of(reduceRun(op, t.data, 0, t.data.length)), shape: outShape };
  }
  // An empty axis tuple reduces nothing; still return fresh data, callers divide in place.
  let cur: Tensor = axes.length === 0 ? { data: t.data.slice(), shape: t.shape } : t;
  for (let k = axes.length - 1; k >= 0; k--) cur = reduceOneAxis(cur, axes[k]!, op);
  return { data: cur.data, shape: outShape };
}

/** argmax / argmin of a flat run: first occurrence wins, and the first NaN wins outright (numpy). */
function argRun(data: Float64Array, start: number, n: number, stride: number, max: boolean): number {
  let best = data[start]!;
  let idx = 0;
  if (best !== best) return 0;
  for (let i = 1; i < n; i++) {
    const v = data[start + i * stride]!;
    if (v !== v) return i;
    if (max ? v > best : v < best) {
      best = v;
      idx = i;
    }
  }
  return idx;
}

/** Indices of the max/min along `axis`, or over the flattened array when axis is null. */
export function argReduceKernel(t: Tensor, axis: number | null, keepdims: boolean, max: boolean): Tensor {
  const name = max ? "argmax" : "argmin";
  if (axis === null) {
    if (t.data.length === 0) throw new ValueError(`attempt to get ${name} of an empty sequence`);
    const shape = keepdims ? t.shape.map(() => 1) : [];
    return { data: Float64Array.of(argRun(t.data, 0, t.data.length, 1, max)), shape };
  }
  const shape = t.shape;
  const len = shape[axis]!;
  if (len === 0) throw new ValueError(`attempt to get ${name} of an empty sequence`);
  const outer = shapeSize(shape.slice(0, axis));
  const inner = shapeSize(shape.slice(axis + 1));
  const out = new Float64Array(outer * inner);
  for (let o = 0; o < outer; o++) {
    for (let j = 0; j < inner; j++) out[o * inner + j] = argRun(t.data, o * len * inner + j, len, inner, max);
  }
  const outShape = keepdims ? shape.map((d, i) => (i === axis ? 1 : d)) : shape.filter((_, i) => i !== axis);
  return { data: out, shape: outShape };
}
