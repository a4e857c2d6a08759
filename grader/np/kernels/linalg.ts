// Matrix products: numpy's dot and matmul shape rules over a contiguous 2-D
// core. The core uses i-k-j loop order (rows of b streamed contiguously) unless
// the output has few columns, where i-j-k dot products touch less memory.
import { ValueError } from "../errors";
import { broadcastShapes, formatShape, shapeSize, stridesOf, type Tensor } from "./shape";

/** out[oOff..] += A(n×k) · B(k×m), all row-major contiguous. */
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
    for (let i = 0; i < n; i++) {
      const ar = aOff + i * k;
      for (let j = 0; j < m; j++) {
        let s = 0;
        for (let p = 0; p < k; p++) s += a[ar + p]! * b[bOff + p * m + j]!;
        out[oOff + i * m + j] = s;
      }
    }
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
  const out = new Float64Array(rowsA * outerB * m);
  if (outerB === 1) {
    matmulCore(a.data, 0, b.data, 0, out, 0, rowsA, k, m);
    return { data: out, shape: outShape };
  }
  // N-d b: result[i, q, j] = sum_p a[i, p] * b[q, p, j].
  const tmp = new Float64Array(m);
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
  const out = new Float64Array(count * n * m);
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
  const out = new Float64Array(size);
  const ndim = shape.length;
  if (ndim === 2 && axes[0] === 1) {
    const r = a.shape[0]!;
    const c = a.shape[1]!;
    const src = a.data;
    for (let i = 0; i < r; i++) for (let j = 0; j < c; j++) out[j * r + i] = src[i * c + j]!;
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
