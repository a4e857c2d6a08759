// Shape arithmetic shared by every kernel: sizes, numpy-style shape printing,
// broadcasting and axis normalisation. Pure functions on plain number arrays.
import { AxisError, ValueError } from "../errors";

/** The raw storage every kernel works on: row-major contiguous float64. */
export interface Tensor {
  readonly data: Float64Array;
  readonly shape: readonly number[];
}

export function shapeSize(shape: readonly number[]): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

/** Row-major strides in elements (not bytes). */
export function stridesOf(shape: readonly number[]): number[] {
  const strides = new Array<number>(shape.length);
  let s = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    strides[i] = s;
    s *= shape[i] ?? 1;
  }
  return strides;
}

/** numpy prints shapes in error messages without spaces: (4,1), (3,), (). */
export function formatShape(shape: readonly number[]): string {
  if (shape.length === 1) return `(${shape[0]},)`;
  return `(${shape.join(",")})`;
}

/** numpy's tuple repr, used where numpy prints a Python tuple: (4, 1), (3,). */
export function formatTuple(shape: readonly number[]): string {
  if (shape.length === 1) return `(${shape[0]},)`;
  return `(${shape.join(", ")})`;
}

export function sameShape(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The shape numpy broadcasts the given shapes to, or numpy's ValueError. */
export function broadcastShapes(...shapes: (readonly number[])[]): number[] {
  let ndim = 0;
  for (const s of shapes) ndim = Math.max(ndim, s.length);
  const out = new Array<number>(ndim).fill(1);
  for (const s of shapes) {
    const offset = ndim - s.length;
    for (let i = 0; i < s.length; i++) {
      const d = s[i] ?? 1;
      const o = out[offset + i] ?? 1;
      if (d === o || d === 1) continue;
      if (o === 1) out[offset + i] = d;
      else throw new ValueError(`operands could not be broadcast together with shapes ${shapes.map(formatShape).join(" ")} `);
    }
  }
  return out;
}

/** A possibly negative axis made non-negative, or numpy's AxisError. */
export function normalizeAxis(axis: number, ndim: number): number {
  if (!Number.isInteger(axis)) throw new TypeError(`'${axis}' cannot be interpreted as an integer`);
  if (axis < -ndim || axis >= ndim) throw new AxisError(`axis ${axis} is out of bounds for array of dimension ${ndim}`);
  return axis < 0 ? axis + ndim : axis;
}

/** Axis or tuple of axes, normalised and sorted; undefined means every axis. */
export function normalizeAxes(axis: number | readonly number[] | undefined | null, ndim: number): number[] {
  if (axis === undefined || axis === null) return Array.from({ length: ndim }, (_, i) => i);
  const list = typeof axis === "number" ? [axis] : axis;
  const out = list.map((a) => normalizeAxis(a, ndim));
  if (new Set(out).size !== out.length) throw new ValueError("duplicate value in 'axis'");
  return out.sort((x, y) => x - y);
}
