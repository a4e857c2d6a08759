// Broadcasting elementwise kernels. Every binary op reduces its broadcast to
// "outer loop over offsets, inner contiguous run" so the inner loop is a plain
// typed-array loop; the hot ops (add, subtract, multiply, divide) have their own
// hand-written runs because a shared callback call site would go megamorphic in V8.
import { ValueError } from "../errors";
import { tanh } from "./tanh";
import { broadcastShapes, formatShape, sameShape, shapeSize, stridesOf, type Tensor } from "./shape";
import { allocFloat64 } from "./alloc";

/** One inner run: out[o + k] = f(a[ai + k*as], b[bi + k*bs]) for k < n; steps are 0 or 1. */
type Run = (out: Float64Array, o: number, a: Float64Array, ai: number, as: number, b: Float64Array, bi: number, bs: number, n: number) => void;

export type BinaryFn = (x: number, y: number) => number;

const addRun: Run = (out, o, a, ai, as, b, bi, bs, n) => {
  if (as === 1 && bs === 1) for (let k = 0; k < n; k++) out[o + k] = a[ai + k]! + b[bi + k]!;
  else if (bs === 0) {
    const v = b[bi]!;
    for (let k = 0; k < n; k++) out[o + k] = a[ai + k * as]! + v;
  } else {
    const v = a[ai]!;
    for (let k = 0; k < n; k++) out[o + k] = v + b[bi + k]!;
  }
};

const subRun: Run = (out, o, a, ai, as, b, bi, bs, n) => {
  if (as === 1 && bs === 1) for (let k = 0; k < n; k++) out[o + k] = a[ai + k]! - b[bi + k]!;
  else if (bs === 0) {
    const v = b[bi]!;
    for (let k = 0; k < n; k++) out[o + k] = a[ai + k * as]! - v;
  } else {
    const v = a[ai]!;
    for (let k = 0; k < n; k++) out[o + k] = v - b[bi + k]!;
  }
};

const mulRun: Run = (out, o, a, ai, as, b, bi, bs, n) => {
  if (as === 1 && bs === 1) for (let k = 0; k < n; k++) out[o + k] = a[ai + k]! * b[bi + k]!;
  else if (bs === 0) {
    const v = b[bi]!;
    for (let k = 0; k < n; k++) out[o + k] = a[ai + k * as]! * v;
  } else {
    const v = a[ai]!;
    for (let k = 0; k < n; k++) out[o + k] = v * b[bi + k]!;
  }
};

const divRun: Run = (out, o, a, ai, as, b, bi, bs, n) => {
  if (as === 1 && bs === 1) for (let k = 0; k < n; k++) out[o + k] = a[ai + k]! / b[bi + k]!;
  else if (bs === 0) {
    const v = b[bi]!;
    for (let k = 0; k < n; k++) out[o + k] = a[ai + k * as]! / v;
  } else {
    const v = a[ai]!;
    for (let k = 0; k < n; k++) out[o + k] = v / b[bi + k]!;
  }
};

// Copies the first operand; adding zeros instead would turn -0 into +0.
const copyFirstRun = genericRun((x) => x);

// Comparisons and the other frequent binary ufuncs get their own runs too (one loop with
// steps; a separate function literal each, so every call site stays monomorphic).
const greaterRun: Run = (out, o, a, ai, as, b, bi, bs, n) => {
  for (let k = 0; k < n; k++) out[o + k] = a[ai + k * as]! > b[bi + k * bs]! ? 1 : 0;
};
const greaterEqualRun: Run = (out, o, a, ai, as, b, bi, bs, n) => {
  for (let k = 0; k < n; k++) out[o + k] = a[ai + k * as]! >= b[bi + k * bs]! ? 1 : 0;
};
const lessRun: Run = (out, o, a, ai, as, b, bi, bs, n) => {
  for (let k = 0; k < n; k++) out[o + k] = a[ai + k * as]! < b[bi + k * bs]! ? 1 : 0;
};
const lessEqualRun: Run = (out, o, a, ai, as, b, bi, bs, n) => {
  for (let k = 0; k < n; k++) out[o + k] = a[ai + k * as]! <= b[bi + k * bs]! ? 1 : 0;
};
const equalRun: Run = (out, o, a, ai, as, b, bi, bs, n) => {
  for (let k = 0; k < n; k++) out[o + k] = a[ai + k * as]! === b[bi + k * bs]! ? 1 : 0;
};
const notEqualRun: Run = (out, o, a, ai, as, b, bi, bs, n) => {
  for (let k = 0; k < n; k++) out[o + k] = a[ai + k * as]! !== b[bi + k * bs]! ? 1 : 0;
};
// numpy's maximum/minimum propagate NaN and keep the first operand on ties (-0 vs 0).
const maximumRun: Run = (out, o, a, ai, as, b, bi, bs, n) => {
  for (let k = 0; k < n; k++) {
    const x = a[ai + k * as]!;
    const y = b[bi + k * bs]!;
    out[o + k] = x >= y || x !== x ? x : y;
  }
};
const minimumRun: Run = (out, o, a, ai, as, b, bi, bs, n) => {
  for (let k = 0; k < n; k++) {
    const x = a[ai + k * as]!;
    const y = b[bi + k * bs]!;
    out[o + k] = x <= y || x !== x ? x : y;
  }
};

function genericRun(f: BinaryFn): Run {
  return (out, o, a, ai, as, b, bi, bs, n) => {
    for (let k = 0; k < n; k++) out[o + k] = f(a[ai + k * as]!, b[bi + k * bs]!);
  };
}

/**
 * Runs `run` over the broadcast of a and b. Dimensions of size 1 are dropped and
 * adjacent dimensions that are contiguous in both operands are merged, so
 * same-shape, scalar, (n,1)+(n,m) and (1,m)+(n,m) all become at most two loops.
 */
function broadcastBinary(a: Tensor, b: Tensor, run: Run): Tensor {
  if (sameShape(a.shape, b.shape)) {
    const out = allocFloat64(a.data.length);
    run(out, 0, a.data, 0, 1, b.data, 0, 1, out.length);
    return { data: out, shape: a.shape.slice() };
  }
  const shape = broadcastShapes(a.shape, b.shape);
  const size = shapeSize(shape);
  const out = allocFloat64(size);
  if (size === 0) return { data: out, shape };
  if (a.data.length === 1 || b.data.length === 1) {
    run(out, 0, a.data, 0, a.data.length === 1 ? 0 : 1, b.data, 0, b.data.length === 1 ? 0 : 1, size);
    return { data: out, shape };
  }
  const ndim = shape.length;
  const aStr = paddedStrides(a.shape, ndim);
  const bStr = paddedStrides(b.shape, ndim);
  // Collapse into dims/strides lists, innermost last.
  const dims: number[] = [];
  const sa: number[] = [];
  const sb: number[] = [];
  for (let i = 0; i < ndim; i++) {
    const d = shape[i]!;
    if (d === 1) continue;
    const x = aStr[i]!;
    const y = bStr[i]!;
    const last = dims.length - 1;
    if (last >= 0 && sa[last] === x * d && sb[last] === y * d) {
      dims[last] = dims[last]! * d;
      sa[last] = x;
      sb[last] = y;
    } else {
      dims.push(d);
      sa.push(x);
      sb.push(y);
    }
  }
  const inner = dims.length - 1;
  const n = dims[inner]!;
  const ias = sa[inner]!;
  const ibs = sb[inner]!;
  const outerDims = dims.slice(0, inner);
  const counter = new Array<number>(inner).fill(0);
  let ai = 0;
  let bi = 0;
  for (let o = 0; o < size; o += n) {
    run(out, o, a.data, ai, ias, b.data, bi, ibs, n);
    // Odometer increment over the outer dimensions.
    for (let j = inner - 1; j >= 0; j--) {
      const c = counter[j]! + 1;
      if (c < outerDims[j]!) {
        counter[j] = c;
        ai += sa[j]!;
        bi += sb[j]!;
        break;
      }
      counter[j] = 0;
      ai -= sa[j]! * (c - 1);
      bi -= sb[j]! * (c - 1);
    }
  }
  return { data: out, shape };
}

/** Strides of `shape` aligned to `ndim` output dims, 0 where the operand broadcasts. */
function paddedStrides(shape: readonly number[], ndim: number): number[] {
  const own = stridesOf(shape);
  const out = new Array<number>(ndim).fill(0);
  const offset = ndim - shape.length;
  for (let i = 0; i < shape.length; i++) out[offset + i] = shape[i] === 1 ? 0 : own[i]!;
  return out;
}

export const addKernel = (a: Tensor, b: Tensor): Tensor => broadcastBinary(a, b, addRun);
export const subtractKernel = (a: Tensor, b: Tensor): Tensor => broadcastBinary(a, b, subRun);
export const multiplyKernel = (a: Tensor, b: Tensor): Tensor => broadcastBinary(a, b, mulRun);
export const divideKernel = (a: Tensor, b: Tensor): Tensor => broadcastBinary(a, b, divRun);

export const greaterKernel = (a: Tensor, b: Tensor): Tensor => broadcastBinary(a, b, greaterRun);
export const greaterEqualKernel = (a: Tensor, b: Tensor): Tensor => broadcastBinary(a, b, greaterEqualRun);
export const lessKernel = (a: Tensor, b: Tensor): Tensor => broadcastBinary(a, b, lessRun);
export const lessEqualKernel = (a: Tensor, b: Tensor): Tensor => broadcastBinary(a, b, lessEqualRun);
export const equalKernel = (a: Tensor, b: Tensor): Tensor => broadcastBinary(a, b, equalRun);
export const notEqualKernel = (a: Tensor, b: Tensor): Tensor => broadcastBinary(a, b, notEqualRun);
export const maximumKernel = (a: Tensor, b: Tensor): Tensor => broadcastBinary(a, b, maximumRun);
export const minimumKernel = (a: Tensor, b: Tensor): Tensor => broadcastBinary(a, b, minimumRun);

/** Any other binary ufunc; f is called once per output element. */
export function binaryKernel(f: BinaryFn): (a: Tensor, b: Tensor) => Tensor {
  const run = genericRun(f);
  return (a, b) => broadcastBinary(a, b, run);
}

// The unary ufuncs of a forward/backward pass, each its own loop so Math.* is called
// directly rather than through a shared (megamorphic) callback.
export function expKernel(a: Tensor): Tensor {
  const src = a.data;
  const out = allocFloat64(src.length);
  for (let i = 0; i < src.length; i++) out[i] = Math.exp(src[i]!);
  return { data: out, shape: a.shape.slice() };
}

export function tanhKernel(a: Tensor): Tensor {
  const src = a.data;
  const out = allocFloat64(src.length);
  for (let i = 0; i < src.length; i++) out[i] = tanh(src[i]!);
  return { data: out, shape: a.shape.slice() };
}

export function logKernel(a: Tensor): Tensor {
  const src = a.data;
  const out = allocFloat64(src.length);
  for (let i = 0; i < src.length; i++) out[i] = Math.log(src[i]!);
  return { data: out, shape: a.shape.slice() };
}

export function negativeKernel(a: Tensor): Tensor {
  const src = a.data;
  const out = allocFloat64(src.length);
  for (let i = 0; i < src.length; i++) out[i] = -src[i]!;
  return { data: out, shape: a.shape.slice() };
}

export function absKernel(a: Tensor): Tensor {
  const src = a.data;
  const out = allocFloat64(src.length);
  for (let i = 0; i < src.length; i++) out[i] = Math.abs(src[i]!);
  return { data: out, shape: a.shape.slice() };
}

export function squareKernel(a: Tensor): Tensor {
  const src = a.data;
  const out = allocFloat64(src.length);
  for (let i = 0; i < src.length; i++) out[i] = src[i]! * src[i]!;
  return { data: out, shape: a.shape.slice() };
}

export function sqrtKernel(a: Tensor): Tensor {
  const src = a.data;
  const out = allocFloat64(src.length);
  for (let i = 0; i < src.length; i++) out[i] = Math.sqrt(src[i]!);
  return { data: out, shape: a.shape.slice() };
}

/** Elementwise map into a fresh array. */
export function mapKernel(a: Tensor, f: (x: number) => number): Tensor {
  const src = a.data;
  const out = allocFloat64(src.length);
  for (let i = 0; i < src.length; i++) out[i] = f(src[i]!);
  return { data: out, shape: a.shape.slice() };
}

/** Copies `a` broadcast to `shape` (used by where, broadcast_to and assignment). */
export function broadcastTo(a: Tensor, shape: readonly number[]): Tensor {
  const fits =
    a.shape.length <= shape.length &&
    a.shape.every((d, i) => d === 1 || d === shape[shape.length - a.shape.length + i]);
  if (!fits) {
    throw new ValueError(
      `operands could not be broadcast together with remapped shapes [original->remapped]: ${formatShape(a.shape)}  and requested shape ${formatShape(shape)}`,
    );
  }
  const zeros: Tensor = { data: allocFloat64(shapeSize(shape)), shape };
  return broadcastBinary(a, zeros, copyFirstRun);
}
