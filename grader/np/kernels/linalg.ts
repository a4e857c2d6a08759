// Matrix products: numpy's dot and matmul shape rules over a contiguous 2-D
// core. The core uses i-k-j loop order (rows of b streamed contiguously), fused
// into one pass when the inner dimension is at most 4, unless the output has few
// columns, where i-j-k dot products touch less memory.
import { ValueError } from "../errors";
import { broadcastShapes, formatShape, shapeSize, stridesOf, type Tensor } from "./shape";
import { allocFloat64 } from "./alloc";

/**
 * out[oOff..] = A(n×k) · B(k×m), all row-major contiguous; out starts zeroed. Every output
 * element is summed as 0 + a0·b0 + a1·b1 + ... in p order, whichever loop computes it, so the
 * paths below give the same bits; they only differ in how many sums run side by side.
 */
function matmulCore(
  a: Float64Array,
  aOff: number,
  b: Float64Array,
  bOff: number,
  out: Float64Array,
  oOff: number,
  n: number,
  k: number,
  m: number,
): void {
  if (m < 8) {
    dotColumns(a, aOff, b, bOff, out, oOff, n, k, m);
    return;
  }
  if (k <= 4) {
    rowCombination(a, aOff, b, bOff, out, oOff, n, k, m);
    return;
  }
  for (let i = 0; i < n; i++) {
    const or = oOff + i * m;
    const ar = aOff + i * k;
    for (let p = 0; p < k; p++) {
      const aip = a[ar + p]!;
      const br = bOff + p * m;
      for (let j = 0; j < m; j++) out[or + j]! += aip * b[br + j]!;
    }
  }
}

/**
 * Few output columns (dot(A, B.T) with a thin B): dot products along p, computed several at
 * a time (four columns of a row, or one column of two rows) so that independent sums hide
 * the latency of the additions.
 */
function dotColumns(a: Float64Array, aOff: number, b: Float64Array, bOff: number, out: Float64Array, oOff: number, n: number, k: number, m: number): void {
  if (m >= 4) {
    for (let i = 0; i < n; i++) {
      const ar = aOff + i * k;
      const or = oOff + i * m;
      let j = 0;
      for (; j + 4 <= m; j += 4) {
        let s0 = 0;
        let s1 = 0;
        let s2 = 0;
        let s3 = 0;
        for (let p = 0, bp = bOff + j; p < k; p++, bp += m) {
          const x = a[ar + p]!;
          s0 += x * b[bp]!;
          s1 += x * b[bp + 1]!;
          s2 += x * b[bp + 2]!;
          s3 += x * b[bp + 3]!;
        }
        out[or + j] = s0;
        out[or + j + 1] = s1;
        out[or + j + 2] = s2;
        out[or + j + 3] = s3;
      }
      for (; j < m; j++) out[or + j] = dotStrided(a, ar, b, bOff + j, m, k);
    }
    return;
  }
  let i = 0;
  if (m === 2) {
    // Two columns of two rows (dot(dZ1, X.T) with two input features): four sums per pass.
    for (; i + 1 < n; i += 2) {
      const ar0 = aOff + i * k;
      const ar1 = ar0 + k;
      let s00 = 0;
      let s01 = 0;
      let s10 = 0;
      let s11 = 0;
      for (let p = 0, bp = bOff; p < k; p++, bp += 2) {
        const x0 = a[ar0 + p]!;
        const x1 = a[ar1 + p]!;
        const y0 = b[bp]!;
        const y1 = b[bp + 1]!;
        s00 += x0 * y0;
        s01 += x0 * y1;
        s10 += x1 * y0;
        s11 += x1 * y1;
      }
      const or = oOff + i * 2;
      out[or] = s00;
      out[or + 1] = s01;
      out[or + 2] = s10;
      out[or + 3] = s11;
    }
  }
  for (; i + 1 < n; i += 2) {
    const ar0 = aOff + i * k;
    const ar1 = ar0 + k;
    const or = oOff + i * m;
    for (let j = 0; j < m; j++) {
      let s0 = 0;
      let s1 = 0;
      for (let p = 0, bp = bOff + j; p < k; p++, bp += m) {
        const y = b[bp]!;
        s0 += a[ar0 + p]! * y;
        s1 += a[ar1 + p]! * y;
      }
      out[or + j] = s0;
      out[or + m + j] = s1;
    }
  }
  if (i < n) {
    const ar = aOff + i * k;
    for (let j = 0; j < m; j++) out[oOff + i * m + j] = dotStrided(a, ar, b, bOff + j, m, k);
  }
}

/** 0 + Σ_p a[ar + p] · b[bc + p·m], in p order. */
function dotStrided(a: Float64Array, ar: number, b: Float64Array, bc: number, m: number, k: number): number {
  let s = 0;
  for (let p = 0; p < k; p++) s += a[ar + p]! * b[bc + p * m]!;
  return s;
}

/**
 * A short inner dimension (dot(W1, X) with two features, dot(W2, A1) with four hidden
 * units): each output row is a combination of k rows of B, written in one pass instead of
 * k read-modify-write passes.
 */
function rowCombination(a: Float64Array, aOff: number, b: Float64Array, bOff: number, out: Float64Array, oOff: number, n: number, k: number, m: number): void {
  const b0 = bOff;
  const b1 = bOff + m;
  const b2 = bOff + 2 * m;
  const b3 = bOff + 3 * m;
  for (let i = 0; i < n; i++) {
    const ar = aOff + i * k;
    const or = oOff + i * m;
    const x0 = a[ar]!;
    if (k === 1) {
      for (let j = 0; j < m; j++) out[or + j] = 0 + x0 * b[b0 + j]!;
    } else if (k === 2) {
      const x1 = a[ar + 1]!;
      for (let j = 0; j < m; j++) out[or + j] = 0 + x0 * b[b0 + j]! + x1 * b[b1 + j]!;
    } else if (k === 3) {
      const x1 = a[ar + 1]!;
      const x2 = a[ar + 2]!;
      for (let j = 0; j < m; j++) out[or + j] = 0 + x0 * b[b0 + j]! + x1 * b[b1 + j]! + x2 * b[b2 + j]!;
    } else {
      const x1 = a[ar + 1]!;
      const x2 = a[ar + 2]!;
      const x3 = a[ar + 3]!;
      for (let j = 0; j < m; j++) out[or + j] = 0 + x0 * b[b0 + j]! + x1 * b[b1 + j]! + x2 * b[b2 + j]! + x3 * b[b3 + j]!;
    }
  }
}

function notAligned(a: readonly number[], b: readonly number[]): ValueError {
  const ka = a[a.length - 1]!;
  const bDim = Math.max(b.length - 2, 0);
  const kb = b[bDim]!;
  return new ValueError(`shapes ${formatShape(a)} and ${formatShape(b)} not aligned: ${ka} (dim ${a.length - 1}) != ${kb} (dim ${bDim})`);
}

/** numpy.dot for arrays with ndim >= 1 (0-d operands are a multiply, handled by the caller). */
export function dotKernel(a: Tensor, b: Tensor): Tensor {
  const as = a.shape;
  const bs = b.shape;
  const k = as[as.length - 1]!;
  const kbAxis = Math.max(bs.length - 2, 0);
  if (bs[kbAxis] !== k) throw notAligned(as, bs);
  const outerB = bs.length >= 2 ? shapeSize(bs.slice(0, -2)) : 1;
  const m = bs.length >= 2 ? bs[bs.length - 1]! : 1;
  const outShape = [...as.slice(0, -1), ...bs.slice(0, -2), ...(bs.length >= 2 ? [m] : [])];
  const rowsA = shapeSize(as.slice(0, -1));
  const out = allocFloat64(rowsA * outerB * m);
  if (outerB === 1) {
    matmulCore(a.data, 0, b.data, 0, out, 0, rowsA, k, m);
    return { data: out, shape: outShape };
  }
  // N-d b: result[i, q, j] = sum_p a[i, p] * b[q, p, j].
  const tmp = allocFloat64(m);
  for (let q = 0; q < outerB; q++) {
    for (let i = 0; i < rowsA; i++) {
      tmp.fill(0);
      matmulCore(a.data, i * k, b.data, q * k * m, tmp, 0, 1, k, m);
      out.set(tmp, (i * outerB + q) * m);
    }
  }
  return { data: out, shape: outShape };
}

const SIGNATURE = "(n?,k),(k,m?)->(n?,m?)";

/** numpy.matmul: 1-d operands promoted and removed again, batch dims broadcast. */
export function matmulKernel(a: Tensor, b: Tensor): Tensor {
  for (const [i, t] of [a, b].entries()) {
    if (t.shape.length === 0) {
      throw new ValueError(
        `matmul: Input operand ${i} does not have enough dimensions (has 0, gufunc core with signature ${SIGNATURE} requires 1)`,
      );
    }
  }
  const aShape = a.shape.length === 1 ? [1, a.shape[0]!] : a.shape;
  const bShape = b.shape.length === 1 ? [b.shape[0]!, 1] : b.shape;
  const n = aShape[aShape.length - 2]!;
  const k = aShape[aShape.length - 1]!;
  const kb = bShape[bShape.length - 2]!;
  const m = bShape[bShape.length - 1]!;
  if (k !== kb) {
    throw new ValueError(
      `matmul: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature ${SIGNATURE} (size ${kb} is different from ${k})`,
    );
  }
  const aBatch = aShape.slice(0, -2);
  const bBatch = bShape.slice(0, -2);
  const batch = batchShape(a.shape, aBatch, b.shape, bBatch, n, m);
  const count = shapeSize(batch);
  const out = allocFloat64(count * n * m);
  const aStr = batchStrides(aBatch, batch.length);
  const bStr = batchStrides(bBatch, batch.length);
  const idx = new Array<number>(batch.length).fill(0);
  for (let t = 0; t < count; t++) {
    let ai = 0;
    let bi = 0;
    let rest = t;
    for (let d = batch.length - 1; d >= 0; d--) {
      const size = batch[d]!;
      idx[d] = rest % size;
      rest = Math.floor(rest / size);
      ai += idx[d]! * aStr[d]!;
      bi += idx[d]! * bStr[d]!;
    }
    matmulCore(a.data, ai * n * k, b.data, bi * k * m, out, t * n * m, n, k, m);
  }
  const shape = [...batch];
  if (a.shape.length > 1) shape.push(n);
  if (b.shape.length > 1) shape.push(m);
  return { data: out, shape };
}

/** The broadcast batch shape, or numpy's "remapped shapes" error for matmul. */
function batchShape(aOrig: readonly number[], aBatch: number[], bOrig: readonly number[], bBatch: number[], n: number, m: number): number[] {
  try {
    return broadcastShapes(aBatch, bBatch);
  } catch {
    const remapped = (orig: readonly number[], batch: number[]): string =>
      `${formatShape(orig)}->(${[...batch, "newaxis", "newaxis"].join(",")})`;
    throw new ValueError(
      `operands could not be broadcast together with remapped shapes [original->remapped]: ${remapped(aOrig, aBatch)} ${remapped(bOrig, bBatch)}  and requested shape (${n},${m})`,
    );
  }
}

/** Strides (in matrices) of a batch shape aligned right to `ndim`, 0 where broadcast. */
function batchStrides(shape: readonly number[], ndim: number): number[] {
  const own = stridesOf(shape);
  const out = new Array<number>(ndim).fill(0);
  const off = ndim - shape.length;
  for (let i = 0; i < shape.length; i++) out[off + i] = shape[i] === 1 ? 0 : own[i]!;
  return out;
}

/** Copy with axes permuted: out.shape[i] = a.shape[axes[i]]. */
export function transposeKernel(a: Tensor, axes: readonly number[]): Tensor {
  const shape = axes.map((ax) => a.shape[ax]!);
  const size = a.data.length;
  const out = allocFloat64(size);
  const ndim = shape.length;
  if (ndim === 2 && axes[0] === 1) {
    const r = a.shape[0]!;
    const c = a.shape[1]!;
    const src = a.data;
    if (r === 1 || c === 1) out.set(src);
    else if (r === 2) {
      // Few rows (X.T, A1.T: features × examples): write the output in order, reading r streams.
      for (let j = 0; j < c; j++) {
        out[2 * j] = src[j]!;
        out[2 * j + 1] = src[c + j]!;
      }
    } else if (r === 4) {
      for (let j = 0; j < c; j++) {
        out[4 * j] = src[j]!;
        out[4 * j + 1] = src[c + j]!;
        out[4 * j + 2] = src[2 * c + j]!;
        out[4 * j + 3] = src[3 * c + j]!;
      }
    } else if (r <= 8) {
      for (let j = 0, o = 0; j < c; j++) for (let i = 0; i < r; i++, o++) out[o] = src[i * c + j]!;
    } else for (let i = 0; i < r; i++) for (let j = 0; j < c; j++) out[j * r + i] = src[i * c + j]!;
    return { data: out, shape };
  }
  const srcStr = stridesOf(a.shape);
  const str = axes.map((ax) => srcStr[ax]!);
  const idx = new Array<number>(ndim).fill(0);
  let src = 0;
  for (let o = 0; o < size; o++) {
    out[o] = a.data[src]!;
    for (let d = ndim - 1; d >= 0; d--) {
      idx[d] = idx[d]! + 1;
      src += str[d]!;
      if (idx[d]! < shape[d]!) break;
      src -= str[d]! * shape[d]!;
      idx[d] = 0;
    }
  }
  return { data: out, shape };
}
