// The learner-facing numpy: `import * as np from "np"`. numpy's names and
// semantics; keyword arguments are a trailing options object. Every function
// accepts numbers, nested arrays and NDArrays where numpy does, and a full
// reduction returns a plain number. Add new public functions here (with a
// one-line JSDoc: it becomes the Monaco hover text via np.d.ts).
import { IndexError, ValueError } from "./errors";
import {
  absKernel,
  addKernel,
  binaryKernel,
  broadcastTo,
  divideKernel,
  equalKernel,
  expKernel,
  greaterEqualKernel,
  greaterKernel,
  lessEqualKernel,
  lessKernel,
  logKernel,
  mapKernel,
  maximumKernel,
  minimumKernel,
  multiplyKernel,
  negativeKernel,
  notEqualKernel,
  sqrtKernel,
  squareKernel,
  subtractKernel,
  tanhKernel,
  type BinaryFn,
} from "./kernels/elementwise";
import { allocFloat64 } from "./kernels/alloc";
import { dotKernel, matmulKernel, transposeKernel } from "./kernels/linalg";
import { argReduceKernel, reduceKernel } from "./kernels/reduce";
import { tanh as tanhScalar } from "./kernels/tanh";
import { broadcastShapes, formatShape, normalizeAxes, normalizeAxis, shapeSize, type Tensor } from "./kernels/shape";
import {
  asNDArray,
  fromTensor,
  meanArray,
  NDArray,
  powScalar,
  reduceArray,
  resolveReshape,
  toOptions,
  type ArrayInput,
  type AxisArgument,
  type FullReduceOptions,
  type ReduceOptions,
} from "./ndarray";

export { NDArray };
export { AxisError, IndexError, ValueError } from "./errors";
export type { ArrayInput, AxisArgument, FullReduceOptions, NestedNumbers, ReduceOptions } from "./ndarray";
export * as linalg from "./linalg";
export * as random from "./random/index";

/** The ratio of a circle's circumference to its diameter. */
export const pi = Math.PI;
/** Euler's number, the base of natural logarithms. */
export const e = Math.E;
/** Positive infinity. */
export const inf = Infinity;
/** Not a number. */
export const nan = NaN;

/** A shape argument: a length or a list of lengths. */
export type ShapeInput = number | readonly number[];

function toShape(shape: ShapeInput): number[] {
  const s = typeof shape === "number" ? [shape] : shape.slice();
  for (const d of s) {
    if (!Number.isInteger(d)) throw new TypeError(`'${d}' cannot be interpreted as an integer`);
    if (d < 0) throw new ValueError("negative dimensions are not allowed");
  }
  return s;
}

/**
 * numpy lets most keyword arguments be passed positionally too (np.concatenate([a, b], 1),
 * np.eye(3, 3, 1)); a positional value becomes `{ [key]: value }`. Anything else that is not
 * an options object is a TypeError rather than silently ignored.
 */
function positional<T extends object>(value: T | number | boolean | readonly number[] | null | undefined, key: string): T {
  if (value === undefined) return {} as T;
  if (value === null || typeof value === "number" || typeof value === "boolean" || Array.isArray(value)) {
    return { [key]: value } as T;
  }
  if (typeof value !== "object") throw new TypeError(`expected ${key} or an options object, got ${typeof value}`);
  return value as T;
}

function filled(shape: ShapeInput, value: number): NDArray {
  const s = toShape(shape);
  const data = new Float64Array(shapeSize(s));
  if (value !== 0) data.fill(value);
  return new NDArray(data, s);
}

// ---------------------------------------------------------------- creation

/** A new float64 array from a number, nested arrays or another array (always copies). */
export function array(object: ArrayInput): NDArray {
  return asNDArray(object).copy();
}

/** A copy of the array (np.copy(theta) before changing one entry, as in gradient checking). */
export function copy(a: ArrayInput): NDArray {
  return asNDArray(a).copy();
}

/** An array of the given shape; numpy leaves it uninitialised, here it is filled with zeros. */
export function empty(shape: ShapeInput): NDArray {
  return filled(shape, 0);
}

/** Converts the input to an array; an NDArray is returned as is, without copying. */
export function asarray(a: ArrayInput): NDArray {
  return asNDArray(a);
}

/** An array of the given shape filled with zeros. */
export function zeros(shape: ShapeInput): NDArray {
  return filled(shape, 0);
}

/** An array of the given shape filled with ones. */
export function ones(shape: ShapeInput): NDArray {
  return filled(shape, 1);
}

/** An array of the given shape filled with fill_value. */
export function full(shape: ShapeInput, fill_value: number): NDArray {
  return filled(shape, fill_value);
}

/** Zeros with the shape of a. */
export function zeros_like(a: ArrayInput): NDArray {
  return filled(asNDArray(a).shape, 0);
}

/** Ones with the shape of a. */
export function ones_like(a: ArrayInput): NDArray {
  return filled(asNDArray(a).shape, 1);
}

/** fill_value with the shape of a. */
export function full_like(a: ArrayInput, fill_value: number): NDArray {
  return filled(asNDArray(a).shape, fill_value);
}

/** Evenly spaced values in [start, stop): arange(stop), arange(start, stop) or arange(start, stop, step). */
export function arange(start: number, stop?: number, step = 1): NDArray {
  if (stop === undefined) {
    stop = start;
    start = 0;
  }
  if (step === 0) throw new ValueError("Maximum allowed size exceeded");
  // numpy fills start + i*delta with delta recomputed as (start + step) - start.
  const len = Math.max(Math.ceil((stop - start) / step), 0);
  if (!Number.isFinite(len)) throw new ValueError("arange: cannot compute length");
  const data = new Float64Array(len);
  if (len > 0) data[0] = start;
  if (len > 1) {
    const second = start + step;
    data[1] = second;
    const delta = second - start;
    for (let i = 2; i < len; i++) data[i] = start + i * delta;
  }
  return new NDArray(data, [len]);
}

/** Options of np.linspace. */
export interface LinspaceOptions {
  /** Include stop as the last sample (default true). */
  endpoint?: boolean;
}

/** num evenly spaced samples from start to stop (inclusive unless endpoint is false). */
export function linspace(start: number, stop: number, num = 50, endpointOrOptions?: boolean | LinspaceOptions): NDArray {
  const options = positional<LinspaceOptions>(endpointOrOptions, "endpoint");
  if (!Number.isInteger(num)) throw new TypeError(`'${num}' cannot be interpreted as an integer`);
  if (num < 0) throw new ValueError(`Number of samples, ${num}, must be non-negative.`);
  const endpoint = options.endpoint ?? true;
  const div = endpoint ? num - 1 : num;
  const delta = stop - start;
  const step = delta / div;
  const data = new Float64Array(num);
  // Same operation order as numpy's linspace, so the values match bit for bit.
  for (let i = 0; i < num; i++) {
    let y: number;
    if (div > 0) y = step === 0 ? (i / div) * delta : i * step;
    else y = i * delta;
    data[i] = y + start;
  }
  if (endpoint && num > 1) data[num - 1] = stop;
  return new NDArray(data, [num]);
}

/** Options of np.eye. */
export interface EyeOptions {
  /** Index of the diagonal: 0 the main one, positive above, negative below. */
  k?: number;
}

/** An N×M matrix with ones on the k-th diagonal and zeros elsewhere. */
export function eye(N: number, M?: number | null, kOrOptions?: number | EyeOptions): NDArray {
  const options = positional<EyeOptions>(kOrOptions, "k");
  const cols = M ?? N;
  const k = options.k ?? 0;
  const out = filled([N, cols], 0);
  for (let i = 0; i < N; i++) {
    const j = i + k;
    if (j >= 0 && j < cols) out.data[i * cols + j] = 1;
  }
  return out;
}

/** An n×n identity matrix. */
export function identity(n: number): NDArray {
  return eye(n);
}

// ---------------------------------------------------------------- shape

/** The same data in a new shape; one dimension may be -1. */
export function reshape(a: ArrayInput, newshape: ShapeInput): NDArray {
  const x = asNDArray(a);
  return new NDArray(x.data.slice(), resolveReshape(x.size, typeof newshape === "number" ? [newshape] : newshape));
}

/** A 1-d copy of the array. */
export function ravel(a: ArrayInput): NDArray {
  return asNDArray(a).flatten();
}

/** Permutes the axes (reverses them when axes is omitted); always a copy. */
export function transpose(a: ArrayInput, axes?: readonly number[] | null): NDArray {
  const x = asNDArray(a);
  if (axes === undefined || axes === null) return x.T;
  if (axes.length !== x.ndim) throw new ValueError("axes don't match array");
  const norm = axes.map((ax) => normalizeAxis(ax, x.ndim));
  if (new Set(norm).size !== norm.length) throw new ValueError("repeated axis in transpose");
  return fromTensor(transposeKernel(x, norm));
}

/** The shape of an array, as a list of lengths. */
export function shape(a: ArrayInput): number[] {
  return asNDArray(a).shape.slice();
}

/** The number of dimensions. */
export function ndim(a: ArrayInput): number {
  return asNDArray(a).ndim;
}

/** The number of elements. */
export function size(a: ArrayInput): number {
  return asNDArray(a).size;
}

/** Options of np.squeeze. */
export interface AxisOption {
  /** The axis (or axes) to act on; negative counts from the end. */
  axis?: number | readonly number[] | null;
}

/** Removes axes of length one (all of them, or those in { axis }). */
export function squeeze(a: ArrayInput, axisOrOptions?: number | readonly number[] | AxisOption): NDArray {
  const options = positional<AxisOption>(axisOrOptions, "axis");
  const x = asNDArray(a);
  let drop: number[];
  if (options.axis === undefined || options.axis === null) drop = x.shape.flatMap((d, i) => (d === 1 ? [i] : []));
  else {
    drop = normalizeAxes(options.axis, x.ndim);
    if (drop.some((ax) => x.shape[ax] !== 1)) {
      throw new ValueError("cannot select an axis to squeeze out which has size not equal to one");
    }
  }
  return new NDArray(x.data.slice(), x.shape.filter((_, i) => !drop.includes(i)));
}

/** Inserts axes of length one at the given positions. */
export function expand_dims(a: ArrayInput, axis: number | readonly number[]): NDArray {
  const x = asNDArray(a);
  const list = typeof axis === "number" ? [axis] : axis;
  const ndim = x.ndim + list.length;
  const positions = normalizeAxes(list, ndim);
  const out: number[] = [];
  let src = 0;
  for (let i = 0; i < ndim; i++) out.push(positions.includes(i) ? 1 : x.shape[src++]!);
  return new NDArray(x.data.slice(), out);
}

/** A copy of the array broadcast to shape. */
export function broadcast_to(a: ArrayInput, shape: ShapeInput): NDArray {
  return fromTensor(broadcastTo(asNDArray(a), toShape(shape)));
}

/** Options of np.concatenate. */
export interface ConcatenateOptions {
  /** The axis to join along (default 0); null flattens every input first. */
  axis?: number | null;
}

/** Joins arrays along an existing axis. */
export function concatenate(arrays: readonly ArrayInput[], axisOrOptions?: number | null | ConcatenateOptions): NDArray {
  const options = positional<ConcatenateOptions>(axisOrOptions, "axis");
  if (arrays.length === 0) throw new ValueError("need at least one array to concatenate");
  let xs = arrays.map(asNDArray);
  let axisArg = options.axis === undefined ? 0 : options.axis;
  if (axisArg === null) {
    xs = xs.map((x) => x.flatten());
    axisArg = 0;
  }
  const first = xs[0]!;
  if (first.ndim === 0) throw new ValueError("zero-dimensional arrays cannot be concatenated");
  const axis = normalizeAxis(axisArg, first.ndim);
  xs.forEach((x, i) => {
    if (x.ndim !== first.ndim) {
      throw new ValueError(
        `all the input arrays must have same number of dimensions, but the array at index 0 has ${first.ndim} dimension(s) and the array at index ${i} has ${x.ndim} dimension(s)`,
      );
    }
    for (let d = 0; d < first.ndim; d++) {
      if (d !== axis && x.shape[d] !== first.shape[d]) {
        throw new ValueError(
          `all the input array dimensions except for the concatenation axis must match exactly, but along dimension ${d}, the array at index 0 has size ${first.shape[d]} and the array at index ${i} has size ${x.shape[d]}`,
        );
      }
    }
  });
  const outer = shapeSize(first.shape.slice(0, axis));
  const inner = shapeSize(first.shape.slice(axis + 1));
  const total = xs.reduce((s, x) => s + x.shape[axis]!, 0);
  const outShape = first.shape.slice();
  outShape[axis] = total;
  const out = new Float64Array(outer * total * inner);
  let offset = 0;
  for (const x of xs) {
    const run = x.shape[axis]! * inner;
    for (let o = 0; o < outer; o++) out.set(x.data.subarray(o * run, (o + 1) * run), o * total * inner + offset);
    offset += run;
  }
  return new NDArray(out, outShape);
}

/** Joins arrays row-wise (1-d arrays become rows). */
export function vstack(tup: readonly ArrayInput[]): NDArray {
  return concatenate(
    tup.map((t) => {
      const x = asNDArray(t);
      return x.ndim === 0 ? x.reshape(1, 1) : x.ndim === 1 ? x.reshape(1, x.size) : x;
    }),
    { axis: 0 },
  );
}

/** Joins arrays column-wise (1-d arrays are joined end to end). */
export function hstack(tup: readonly ArrayInput[]): NDArray {
  const xs = tup.map((t) => {
    const x = asNDArray(t);
    return x.ndim === 0 ? x.reshape(1) : x;
  });
  return concatenate(xs, { axis: xs[0]?.ndim === 1 ? 0 : 1 });
}

// ---------------------------------------------------------------- elementwise

function unary(x: ArrayInput, f: (v: number) => number, kernel?: (a: Tensor) => Tensor): number | NDArray {
  if (typeof x === "number") return f(x);
  const a = asNDArray(x);
  return fromTensor(kernel ? kernel(a) : mapKernel(a, f));
}

function binary(x1: ArrayInput, x2: ArrayInput, f: BinaryFn, kernel: (a: Tensor, b: Tensor) => Tensor): number | NDArray {
  if (typeof x1 === "number" && typeof x2 === "number") return f(x1, x2);
  return fromTensor(kernel(asNDArray(x1), asNDArray(x2)));
}

/** x1 + x2, elementwise with broadcasting. */
export function add(x1: number, x2: number): number;
export function add(x1: ArrayInput, x2: ArrayInput): NDArray;
export function add(x1: ArrayInput, x2: ArrayInput): number | NDArray {
  return binary(x1, x2, (a, b) => a + b, addKernel);
}

/** x1 - x2, elementwise with broadcasting. */
export function subtract(x1: number, x2: number): number;
export function subtract(x1: ArrayInput, x2: ArrayInput): NDArray;
export function subtract(x1: ArrayInput, x2: ArrayInput): number | NDArray {
  return binary(x1, x2, (a, b) => a - b, subtractKernel);
}

/** x1 * x2, elementwise with broadcasting (not the matrix product: see dot). */
export function multiply(x1: number, x2: number): number;
export function multiply(x1: ArrayInput, x2: ArrayInput): NDArray;
export function multiply(x1: ArrayInput, x2: ArrayInput): number | NDArray {
  return binary(x1, x2, (a, b) => a * b, multiplyKernel);
}

/** x1 / x2, elementwise with broadcasting. */
export function divide(x1: number, x2: number): number;
export function divide(x1: ArrayInput, x2: ArrayInput): NDArray;
export function divide(x1: ArrayInput, x2: ArrayInput): number | NDArray {
  return binary(x1, x2, (a, b) => a / b, divideKernel);
}

/** Same as divide. */
export const true_divide = divide;

const powerKernel = binaryKernel(powScalar);
/** x1 raised to the power x2, elementwise with broadcasting. */
export function power(x1: number, x2: number): number;
export function power(x1: ArrayInput, x2: ArrayInput): NDArray;
export function power(x1: ArrayInput, x2: ArrayInput): number | NDArray {
  return binary(x1, x2, powScalar, powerKernel);
}

// numpy's maximum/minimum propagate NaN and keep the first operand on ties.
const maxScalar: BinaryFn = (a, b) => (a >= b || a !== a ? a : b);
const minScalar: BinaryFn = (a, b) => (a <= b || a !== a ? a : b);

/** Elementwise maximum (NaN wins). */
export function maximum(x1: number, x2: number): number;
export function maximum(x1: ArrayInput, x2: ArrayInput): NDArray;
export function maximum(x1: ArrayInput, x2: ArrayInput): number | NDArray {
  return binary(x1, x2, maxScalar, maximumKernel);
}

/** Elementwise minimum (NaN wins). */
export function minimum(x1: number, x2: number): number;
export function minimum(x1: ArrayInput, x2: ArrayInput): NDArray;
export function minimum(x1: ArrayInput, x2: ArrayInput): number | NDArray {
  return binary(x1, x2, minScalar, minimumKernel);
}

/** Limits values to [a_min, a_max]; either bound may be null. */
export function clip(a: number, a_min: number | null, a_max: number | null): number;
export function clip(a: ArrayInput, a_min: ArrayInput | null, a_max: ArrayInput | null): NDArray;
export function clip(a: ArrayInput, a_min: ArrayInput | null, a_max: ArrayInput | null): number | NDArray {
  if (a_min === null && a_max === null) throw new ValueError("One of max or min must be given");
  let out: number | NDArray = typeof a === "number" ? a : asNDArray(a);
  if (a_min !== null) out = binary(out, a_min, maxScalar, maximumKernel);
  if (a_max !== null) out = binary(out, a_max, minScalar, minimumKernel);
  return typeof a === "number" || out instanceof NDArray ? out : asNDArray(out);
}

/** -x, elementwise. */
export function negative(x: number): number;
export function negative(x: ArrayInput): NDArray;
export function negative(x: ArrayInput): number | NDArray {
  return unary(x, (v) => -v, negativeKernel);
}

/** e to the power x, elementwise (overflows to inf like numpy). */
export function exp(x: number): number;
export function exp(x: ArrayInput): NDArray;
export function exp(x: ArrayInput): number | NDArray {
  return unary(x, Math.exp, expKernel);
}

/** exp(x) - 1, accurate for small x. */
export function expm1(x: number): number;
export function expm1(x: ArrayInput): NDArray;
export function expm1(x: ArrayInput): number | NDArray {
  return unary(x, Math.expm1);
}

/** Natural logarithm, elementwise (log(0) is -inf, log of a negative is nan). */
export function log(x: number): number;
export function log(x: ArrayInput): NDArray;
export function log(x: ArrayInput): number | NDArray {
  return unary(x, Math.log, logKernel);
}

/** log(1 + x), accurate for small x. */
export function log1p(x: number): number;
export function log1p(x: ArrayInput): NDArray;
export function log1p(x: ArrayInput): number | NDArray {
  return unary(x, Math.log1p);
}

/** Base-2 logarithm, elementwise. */
export function log2(x: number): number;
export function log2(x: ArrayInput): NDArray;
export function log2(x: ArrayInput): number | NDArray {
  return unary(x, Math.log2);
}

/** Base-10 logarithm, elementwise. */
export function log10(x: number): number;
export function log10(x: ArrayInput): NDArray;
export function log10(x: ArrayInput): number | NDArray {
  return unary(x, Math.log10);
}

/** Square root, elementwise. */
export function sqrt(x: number): number;
export function sqrt(x: ArrayInput): NDArray;
export function sqrt(x: ArrayInput): number | NDArray {
  return unary(x, Math.sqrt, sqrtKernel);
}

/** x * x, elementwise. */
export function square(x: number): number;
export function square(x: ArrayInput): NDArray;
export function square(x: ArrayInput): number | NDArray {
  return unary(x, (v) => v * v, squareKernel);
}

/** Absolute value, elementwise. */
export function abs(x: number): number;
export function abs(x: ArrayInput): NDArray;
export function abs(x: ArrayInput): number | NDArray {
  return unary(x, Math.abs, absKernel);
}

/** Same as abs. */
export const absolute = abs;

/** -1, 0 or 1 by the sign of x (nan stays nan). */
export function sign(x: number): number;
export function sign(x: ArrayInput): NDArray;
export function sign(x: ArrayInput): number | NDArray {
  return unary(x, (v) => (v > 0 ? 1 : v < 0 ? -1 : v === 0 ? 0 : v));
}

/** Hyperbolic tangent, elementwise. */
export function tanh(x: number): number;
export function tanh(x: ArrayInput): NDArray;
export function tanh(x: ArrayInput): number | NDArray {
  return unary(x, tanhScalar, tanhKernel);
}

/** Sine (radians), elementwise. */
export function sin(x: number): number;
export function sin(x: ArrayInput): NDArray;
export function sin(x: ArrayInput): number | NDArray {
  return unary(x, Math.sin);
}

/** Cosine (radians), elementwise. */
export function cos(x: number): number;
export function cos(x: ArrayInput): NDArray;
export function cos(x: ArrayInput): number | NDArray {
  return unary(x, Math.cos);
}

/** Largest integer not above x, elementwise. */
export function floor(x: number): number;
export function floor(x: ArrayInput): NDArray;
export function floor(x: ArrayInput): number | NDArray {
  return unary(x, Math.floor);
}

/** Smallest integer not below x, elementwise. */
export function ceil(x: number): number;
export function ceil(x: ArrayInput): NDArray;
export function ceil(x: ArrayInput): number | NDArray {
  return unary(x, Math.ceil);
}

/** Round half to even, like numpy's rint. */
function roundHalfEven(x: number): number {
  if (!Number.isFinite(x)) return x;
  const f = Math.floor(x);
  const diff = x - f;
  const r = diff < 0.5 ? f : diff > 0.5 ? f + 1 : f % 2 === 0 ? f : f + 1;
  // C's rint keeps the sign of zero: rint(-0.4) is -0.
  return r === 0 && (x < 0 || Object.is(x, -0)) ? -0 : r;
}

/** Options of np.round. */
export interface RoundOptions {
  /** Number of decimals to keep (may be negative); default 0. */
  decimals?: number;
}

function roundDecimals(decimals: number): (v: number) => number {
  if (decimals === 0) return roundHalfEven;
  // numpy scales by a power of ten, rounds half to even and scales back.
  if (decimals > 0) {
    const f = 10 ** decimals;
    return (v) => roundHalfEven(v * f) / f;
  }
  const f = 10 ** -decimals;
  return (v) => roundHalfEven(v / f) * f;
}

/** Rounds to the given number of decimals, half to even (np.round(2.5) is 2): np.round(x, 3) or np.round(x, { decimals: 3 }). */
export function round(a: number, decimals?: number | RoundOptions): number;
export function round(a: ArrayInput, decimals?: number | RoundOptions): NDArray;
export function round(a: ArrayInput, decimals?: number | RoundOptions): number | NDArray {
  // numpy's decimals is usually passed positionally (np.round(x, 2)), so accept both forms.
  const d = positional<RoundOptions>(decimals, "decimals").decimals ?? 0;
  if (!Number.isInteger(d)) throw new TypeError(`'${d}' cannot be interpreted as an integer`);
  return unary(a, roundDecimals(d));
}

/** Same as round. */
export const around = round;

/** Same as round with no decimals: nearest integer, half to even. */
export function rint(x: number): number;
export function rint(x: ArrayInput): NDArray;
export function rint(x: ArrayInput): number | NDArray {
  return unary(x, roundHalfEven);
}

// ---------------------------------------------------------------- comparisons and tests

function compare(x1: ArrayInput, x2: ArrayInput, f: (a: number, b: number) => boolean, kernel: (a: Tensor, b: Tensor) => Tensor): boolean | NDArray {
  if (typeof x1 === "number" && typeof x2 === "number") return f(x1, x2);
  return fromTensor(kernel(asNDArray(x1), asNDArray(x2)));
}


/** x1 > x2 elementwise, as 1 and 0 (a boolean for two numbers). */
export function greater(x1: number, x2: number): boolean;
export function greater(x1: ArrayInput, x2: ArrayInput): NDArray;
export function greater(x1: ArrayInput, x2: ArrayInput): boolean | NDArray {
  return compare(x1, x2, (a, b) => a > b, greaterKernel);
}

/** x1 >= x2 elementwise, as 1 and 0 (a boolean for two numbers). */
export function greater_equal(x1: number, x2: number): boolean;
export function greater_equal(x1: ArrayInput, x2: ArrayInput): NDArray;
export function greater_equal(x1: ArrayInput, x2: ArrayInput): boolean | NDArray {
  return compare(x1, x2, (a, b) => a >= b, greaterEqualKernel);
}

/** x1 < x2 elementwise, as 1 and 0 (a boolean for two numbers). */
export function less(x1: number, x2: number): boolean;
export function less(x1: ArrayInput, x2: ArrayInput): NDArray;
export function less(x1: ArrayInput, x2: ArrayInput): boolean | NDArray {
  return compare(x1, x2, (a, b) => a < b, lessKernel);
}

/** x1 <= x2 elementwise, as 1 and 0 (a boolean for two numbers). */
export function less_equal(x1: number, x2: number): boolean;
export function less_equal(x1: ArrayInput, x2: ArrayInput): NDArray;
export function less_equal(x1: ArrayInput, x2: ArrayInput): boolean | NDArray {
  return compare(x1, x2, (a, b) => a <= b, lessEqualKernel);
}

/** x1 == x2 elementwise, as 1 and 0 (a boolean for two numbers). */
export function equal(x1: number, x2: number): boolean;
export function equal(x1: ArrayInput, x2: ArrayInput): NDArray;
export function equal(x1: ArrayInput, x2: ArrayInput): boolean | NDArray {
  return compare(x1, x2, (a, b) => a === b, equalKernel);
}

/** x1 != x2 elementwise, as 1 and 0 (a boolean for two numbers). */
export function not_equal(x1: number, x2: number): boolean;
export function not_equal(x1: ArrayInput, x2: ArrayInput): NDArray;
export function not_equal(x1: ArrayInput, x2: ArrayInput): boolean | NDArray {
  return compare(x1, x2, (a, b) => a !== b, notEqualKernel);
}

/** 1 where x is finite (not inf, not nan), else 0 (a boolean for a number). */
export function isfinite(x: number): boolean;
export function isfinite(x: ArrayInput): NDArray;
export function isfinite(x: ArrayInput): boolean | NDArray {
  if (typeof x === "number") return Number.isFinite(x);
  return fromTensor(mapKernel(asNDArray(x), (v) => (Number.isFinite(v) ? 1 : 0)));
}

/** 1 where x is nan, else 0 (a boolean for a number). */
export function isnan(x: number): boolean;
export function isnan(x: ArrayInput): NDArray;
export function isnan(x: ArrayInput): boolean | NDArray {
  if (typeof x === "number") return Number.isNaN(x);
  return fromTensor(mapKernel(asNDArray(x), (v) => (v !== v ? 1 : 0)));
}

/** 1 where x is +inf or -inf, else 0 (a boolean for a number). */
export function isinf(x: number): boolean;
export function isinf(x: ArrayInput): NDArray;
export function isinf(x: ArrayInput): boolean | NDArray {
  if (typeof x === "number") return x === Infinity || x === -Infinity;
  return fromTensor(mapKernel(asNDArray(x), (v) => (v === Infinity || v === -Infinity ? 1 : 0)));
}

/** Tolerances of isclose and allclose: |a - b| <= atol + rtol * |b|. */
export interface CloseOptions {
  /** Relative tolerance (default 1e-5). */
  rtol?: number;
  /** Absolute tolerance (default 1e-8). */
  atol?: number;
  /** Whether nan equals nan (default false). */
  equal_nan?: boolean;
}

/** isclose(a, b, rtol, atol) positionally, or isclose(a, b, { rtol, atol, equal_nan }). */
function closeOptions(rtolOrOptions: number | CloseOptions | undefined, atol: number | undefined): CloseOptions {
  const options = positional<CloseOptions>(rtolOrOptions, "rtol");
  return atol === undefined ? options : { ...options, atol };
}

function closeTest(options: CloseOptions): (a: number, b: number) => boolean {
  const rtol = options.rtol ?? 1e-5;
  const atol = options.atol ?? 1e-8;
  const equalNan = options.equal_nan ?? false;
  return (a, b) => {
    if (Number.isFinite(a) && Number.isFinite(b)) return Math.abs(a - b) <= atol + rtol * Math.abs(b);
    if (a !== a || b !== b) return equalNan && a !== a && b !== b;
    return a === b;
  };
}

/** Elementwise closeness (|a - b| <= atol + rtol * |b|), as 1 and 0 (a boolean for two numbers). */
export function isclose(a: number, b: number, rtolOrOptions?: number | CloseOptions, atol?: number): boolean;
export function isclose(a: ArrayInput, b: ArrayInput, rtolOrOptions?: number | CloseOptions, atol?: number): NDArray;
export function isclose(a: ArrayInput, b: ArrayInput, rtolOrOptions?: number | CloseOptions, atol?: number): boolean | NDArray {
  const test = closeTest(closeOptions(rtolOrOptions, atol));
  if (typeof a === "number" && typeof b === "number") return test(a, b);
  return fromTensor(binaryKernel((x, y) => (test(x, y) ? 1 : 0))(asNDArray(a), asNDArray(b)));
}

/** True when every element of a is close to b (see isclose); shapes must broadcast. */
export function allclose(a: ArrayInput, b: ArrayInput, rtolOrOptions?: number | CloseOptions, atol?: number): boolean {
  const test = closeTest(closeOptions(rtolOrOptions, atol));
  const r = binaryKernel((x, y) => (test(x, y) ? 1 : 0))(asNDArray(a), asNDArray(b));
  return r.data.every((v) => v === 1);
}

/** True when both arrays have the same shape and elements. */
export function array_equal(a1: ArrayInput, a2: ArrayInput): boolean {
  const x = asNDArray(a1);
  const y = asNDArray(a2);
  return x.shape.length === y.shape.length && x.shape.every((d, i) => d === y.shape[i]) && x.data.every((v, i) => v === y.data[i]);
}

/** Elements of x where condition is nonzero, else of y, all broadcast together. */
export function where(condition: ArrayInput, x: ArrayInput, y: ArrayInput): NDArray {
  const c = asNDArray(condition);
  const a = asNDArray(x);
  const b = asNDArray(y);
  const shape = broadcastShapes(c.shape, a.shape, b.shape);
  const size = shapeSize(shape);
  // Fast path: every operand already has the output's size or is a single value (no copies).
  const direct = (t: NDArray): boolean => t.size === size || t.size === 1;
  if (direct(c) && direct(a) && direct(b)) {
    const cd = c.data;
    const ad = a.data;
    const bd = b.data;
    const cs = cd.length === 1 ? 0 : 1;
    const as = ad.length === 1 ? 0 : 1;
    const bs = bd.length === 1 ? 0 : 1;
    const out = allocFloat64(size);
    for (let i = 0; i < size; i++) out[i] = cd[i * cs] !== 0 ? ad[i * as]! : bd[i * bs]!;
    return new NDArray(out, shape);
  }
  const cb = broadcastTo(c, shape).data;
  const ab = broadcastTo(a, shape).data;
  const bb = broadcastTo(b, shape).data;
  const out = allocFloat64(cb.length);
  for (let i = 0; i < out.length; i++) out[i] = cb[i] !== 0 ? ab[i]! : bb[i]!;
  return new NDArray(out, shape);
}

// ---------------------------------------------------------------- reductions

/** Sum of elements: a number, or an array over { axis, keepdims }. */
export function sum(a: ArrayInput, options?: FullReduceOptions): number;
export function sum(a: ArrayInput, options: ReduceOptions | AxisArgument): NDArray;
export function sum(a: ArrayInput, options?: ReduceOptions | AxisArgument): number | NDArray {
  return reduceArray(asNDArray(a), toOptions(options), "sum");
}

/** Product of elements: a number, or an array over { axis, keepdims }. */
export function prod(a: ArrayInput, options?: FullReduceOptions): number;
export function prod(a: ArrayInput, options: ReduceOptions | AxisArgument): NDArray;
export function prod(a: ArrayInput, options?: ReduceOptions | AxisArgument): number | NDArray {
  return reduceArray(asNDArray(a), toOptions(options), "prod");
}

/** Arithmetic mean: a number, or an array over { axis, keepdims }. */
export function mean(a: ArrayInput, options?: FullReduceOptions): number;
export function mean(a: ArrayInput, options: ReduceOptions | AxisArgument): NDArray;
export function mean(a: ArrayInput, options?: ReduceOptions | AxisArgument): number | NDArray {
  return meanArray(asNDArray(a), toOptions(options));
}

/** Largest element (nan if any is nan): a number, or an array over { axis, keepdims }. */
export function max(a: ArrayInput, options?: FullReduceOptions): number;
export function max(a: ArrayInput, options: ReduceOptions | AxisArgument): NDArray;
export function max(a: ArrayInput, options?: ReduceOptions | AxisArgument): number | NDArray {
  return reduceArray(asNDArray(a), toOptions(options), "max");
}

/** Smallest element (nan if any is nan): a number, or an array over { axis, keepdims }. */
export function min(a: ArrayInput, options?: FullReduceOptions): number;
export function min(a: ArrayInput, options: ReduceOptions | AxisArgument): NDArray;
export function min(a: ArrayInput, options?: ReduceOptions | AxisArgument): number | NDArray {
  return reduceArray(asNDArray(a), toOptions(options), "min");
}

/** Same as max. */
export const amax = max;
/** Same as min. */
export const amin = min;

/** Options of std and var. */
export interface VarianceOptions extends ReduceOptions {
  /** Delta degrees of freedom: the divisor is N - ddof (default 0). */
  ddof?: number;
}

/** A full reduction of std/var: no axis, no keepdims. */
export interface FullVarianceOptions extends FullReduceOptions {
  ddof?: number;
}

function varianceArray(a: NDArray, options: VarianceOptions): NDArray {
  // numpy's _var: mean with keepdims, squared deviations, sum, divide by N - ddof.
  const axes = normalizeAxes(options.axis, a.ndim);
  let count = 1;
  for (const ax of axes) count *= a.shape[ax]!;
  const mean = reduceKernel(a, axes, true, "sum");
  for (let i = 0; i < mean.data.length; i++) mean.data[i] = mean.data[i]! / count;
  const dev = subtractKernel(a, mean);
  const sq = dev.data;
  for (let i = 0; i < sq.length; i++) sq[i] = sq[i]! * sq[i]!;
  const out = reduceKernel(dev, axes, options.keepdims ?? false, "sum");
  const div = Math.max(count - (options.ddof ?? 0), 0);
  for (let i = 0; i < out.data.length; i++) out.data[i] = out.data[i]! / div;
  return fromTensor(out);
}

function isFull(options: ReduceOptions): boolean {
  return (options.axis === undefined || options.axis === null) && !options.keepdims;
}

// `var` is a reserved word in JavaScript, so np.var is declared under another name and exported as var.
/** Variance: a number, or an array over { axis, keepdims, ddof }. */
function variance(a: ArrayInput, options?: FullVarianceOptions): number;
function variance(a: ArrayInput, options: VarianceOptions | AxisArgument): NDArray;
function variance(a: ArrayInput, axisOrOptions?: VarianceOptions | AxisArgument): number | NDArray {
  const options: VarianceOptions = toOptions(axisOrOptions);
  const v = varianceArray(asNDArray(a), options);
  return isFull(options) ? v.data[0]! : v;
}

export { variance as var };

/** Standard deviation: a number, or an array over { axis, keepdims, ddof }. */
export function std(a: ArrayInput, options?: FullVarianceOptions): number;
export function std(a: ArrayInput, options: VarianceOptions | AxisArgument): NDArray;
export function std(a: ArrayInput, axisOrOptions?: VarianceOptions | AxisArgument): number | NDArray {
  const options: VarianceOptions = toOptions(axisOrOptions);
  const v = varianceArray(asNDArray(a), options);
  for (let i = 0; i < v.data.length; i++) v.data[i] = Math.sqrt(v.data[i]!);
  return isFull(options) ? v.data[0]! : v;
}

/** Options of argmax and argmin: a single axis. */
export interface ArgOptions {
  /** The axis to search along; omitted searches the flattened array. */
  axis?: number | null;
  /** Keep the searched axis as a dimension of length 1. */
  keepdims?: boolean;
}

function argReduce(a: ArrayInput, options: ArgOptions, isMax: boolean): number | NDArray {
  const x = asNDArray(a);
  const axis = options.axis === undefined || options.axis === null ? null : normalizeAxis(options.axis, x.ndim);
  const t = argReduceKernel(x, axis, options.keepdims ?? false, isMax);
  return axis === null && !options.keepdims ? t.data[0]! : fromTensor(t);
}

/** Index of the largest element (first one on ties): a flat index, or an array over { axis }. */
export function argmax(a: ArrayInput, options?: { axis?: null; keepdims?: false }): number;
export function argmax(a: ArrayInput, options: ArgOptions | number): NDArray;
export function argmax(a: ArrayInput, options: ArgOptions | number = {}): number | NDArray {
  return argReduce(a, typeof options === "number" ? { axis: options } : options, true);
}

/** Index of the smallest element (first one on ties): a flat index, or an array over { axis }. */
export function argmin(a: ArrayInput, options?: { axis?: null; keepdims?: false }): number;
export function argmin(a: ArrayInput, options: ArgOptions | number): NDArray;
export function argmin(a: ArrayInput, options: ArgOptions | number = {}): number | NDArray {
  return argReduce(a, typeof options === "number" ? { axis: options } : options, false);
}

/** 1 where both are nonzero, else 0 (a boolean for two numbers). */
export function logical_and(x1: number, x2: number): boolean;
export function logical_and(x1: ArrayInput, x2: ArrayInput): NDArray;
export function logical_and(x1: ArrayInput, x2: ArrayInput): boolean | NDArray {
  return compare(x1, x2, (a, b) => a !== 0 && b !== 0, logicalAndKernel);
}

/** 1 where either is nonzero, else 0 (a boolean for two numbers). */
export function logical_or(x1: number, x2: number): boolean;
export function logical_or(x1: ArrayInput, x2: ArrayInput): NDArray;
export function logical_or(x1: ArrayInput, x2: ArrayInput): boolean | NDArray {
  return compare(x1, x2, (a, b) => a !== 0 || b !== 0, logicalOrKernel);
}

/** 1 where x is zero, else 0 (a boolean for a number). */
export function logical_not(x: number): boolean;
export function logical_not(x: ArrayInput): NDArray;
export function logical_not(x: ArrayInput): boolean | NDArray {
  if (typeof x === "number") return x === 0;
  return fromTensor(mapKernel(asNDArray(x), (v) => (v === 0 ? 1 : 0)));
}

// nan counts as true, as in numpy (it is nonzero).
const logicalAndKernel = binaryKernel((a, b) => (a !== 0 && b !== 0 ? 1 : 0));
const logicalOrKernel = binaryKernel((a, b) => (a !== 0 || b !== 0 ? 1 : 0));

/** all/any: the product (all) or the sum (any) of the 0/1 truth values, so empty inputs get numpy's identities. */
function truthReduce(a: ArrayInput, options: ReduceOptions, op: "prod" | "sum"): boolean | NDArray {
  const truth = fromTensor(mapKernel(asNDArray(a), (v) => (v !== 0 ? 1 : 0)));
  const r = reduceArray(truth, options, op);
  if (typeof r === "number") return r > 0;
  for (let i = 0; i < r.data.length; i++) r.data[i] = r.data[i]! > 0 ? 1 : 0;
  return r;
}

/** Whether every element is nonzero: a boolean, or 1/0 over { axis, keepdims }. */
export function all(a: ArrayInput, options?: FullReduceOptions): boolean;
export function all(a: ArrayInput, options: ReduceOptions | AxisArgument): NDArray;
export function all(a: ArrayInput, options?: ReduceOptions | AxisArgument): boolean | NDArray {
  return truthReduce(a, toOptions(options), "prod");
}

/** Whether any element is nonzero: a boolean, or 1/0 over { axis, keepdims }. */
export function any(a: ArrayInput, options?: FullReduceOptions): boolean;
export function any(a: ArrayInput, options: ReduceOptions | AxisArgument): NDArray;
export function any(a: ArrayInput, options?: ReduceOptions | AxisArgument): boolean | NDArray {
  return truthReduce(a, toOptions(options), "sum");
}

/** Options of np.cumsum and np.take: a single axis. */
export interface SingleAxisOptions {
  /** The axis; omitted works on the flattened array. */
  axis?: number | null;
}

/** Running sums along an axis (over the flattened array when no axis is given). */
export function cumsum(a: ArrayInput, axisOrOptions?: number | null | SingleAxisOptions): NDArray {
  const options = positional<SingleAxisOptions>(axisOrOptions, "axis");
  let x = asNDArray(a);
  if (options.axis === undefined || options.axis === null) x = x.flatten();
  const axis = normalizeAxis(options.axis ?? 0, x.ndim);
  const len = x.shape[axis]!;
  const inner = shapeSize(x.shape.slice(axis + 1));
  const outer = shapeSize(x.shape.slice(0, axis));
  const out = x.data.slice();
  for (let o = 0; o < outer; o++) {
    const base = o * len * inner;
    for (let i = 1; i < len; i++) {
      const row = base + i * inner;
      for (let j = 0; j < inner; j++) out[row + j] = out[row + j]! + out[row - inner + j]!;
    }
  }
  return new NDArray(out, x.shape);
}

/** Elements at the given indices along an axis (of the flattened array when no axis is given): np.take(X, [0, 2], { axis: 1 }). */
export function take(a: ArrayInput, indices: number | readonly number[], axisOrOptions?: number | null | SingleAxisOptions): NDArray {
  const options = positional<SingleAxisOptions>(axisOrOptions, "axis");
  let x = asNDArray(a);
  if (options.axis === undefined || options.axis === null) x = x.flatten();
  const axis = normalizeAxis(options.axis ?? 0, x.ndim);
  const list = typeof indices === "number" ? [indices] : indices;
  const len = x.shape[axis]!;
  const inner = shapeSize(x.shape.slice(axis + 1));
  const outer = shapeSize(x.shape.slice(0, axis));
  const resolved = list.map((i) => {
    if (!Number.isInteger(i)) throw new IndexError("only integers are valid indices");
    if (i < -len || i >= len) throw new IndexError(`index ${i} is out of bounds for axis ${axis} with size ${len}`);
    return i < 0 ? i + len : i;
  });
  const out = new Float64Array(outer * resolved.length * inner);
  let pos = 0;
  for (let o = 0; o < outer; o++) {
    for (const i of resolved) {
      out.set(x.data.subarray((o * len + i) * inner, (o * len + i + 1) * inner), pos);
      pos += inner;
    }
  }
  const shape = x.shape.slice();
  if (typeof indices === "number") shape.splice(axis, 1);
  else shape[axis] = resolved.length;
  return new NDArray(out, shape);
}

// ---------------------------------------------------------------- products

/**
 * Dot product: matrix product of 2-d arrays, inner product of 1-d arrays
 * (a plain number at run time), scaling when either is a scalar.
 */
export function dot(a: number, b: number): number;
export function dot(a: ArrayInput, b: ArrayInput): NDArray;
export function dot(a: ArrayInput, b: ArrayInput): number | NDArray {
  if (typeof a === "number" && typeof b === "number") return a * b;
  const x = asNDArray(a);
  const y = asNDArray(b);
  if (x.ndim === 0 || y.ndim === 0) return fromTensor(multiplyKernel(x, y));
  const t = dotKernel(x, y);
  return t.shape.length === 0 ? t.data[0]! : fromTensor(t);
}

/** Matrix product with numpy's matmul rules (the @ operator); 1-d @ 1-d is a number at run time. */
export function matmul(x1: ArrayInput, x2: ArrayInput): NDArray {
  const t = matmulKernel(asNDArray(x1), asNDArray(x2));
  // A number for 1-d @ 1-d, as numpy returns a scalar; typed NDArray for the common 2-d case.
  return (t.shape.length === 0 ? t.data[0]! : fromTensor(t)) as NDArray;
}

/** Outer product of two vectors (inputs are flattened): shape (a.size, b.size). */
export function outer(a: ArrayInput, b: ArrayInput): NDArray {
  const x = asNDArray(a);
  const y = asNDArray(b);
  return fromTensor(multiplyKernel({ data: x.data, shape: [x.size, 1] }, { data: y.data, shape: [1, y.size] }));
}

/** Inner product of the last axes; for 1-d arrays the dot product (a number). */
export function inner(a: ArrayInput, b: ArrayInput): number | NDArray {
  const x = asNDArray(a);
  const y = asNDArray(b);
  if (x.ndim === 0 || y.ndim === 0) return fromTensor(multiplyKernel(x, y));
  if (x.shape[x.ndim - 1] !== y.shape[y.ndim - 1]) {
    throw new ValueError(`shapes ${formatShape(x.shape)} and ${formatShape(y.shape)} not aligned: ${x.shape[x.ndim - 1]} (dim ${x.ndim - 1}) != ${y.shape[y.ndim - 1]} (dim ${y.ndim - 1})`);
  }
  return dot(x, y.ndim === 1 ? y : y.T);
}
