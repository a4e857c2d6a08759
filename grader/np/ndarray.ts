// The learner-facing array type: a float64, row-major, always contiguous N-d
// array. Every operation materialises a new array (transposes copy), which keeps
// every kernel a simple loop over a Float64Array. Edit this file to add methods
// to NDArray; free functions (np.sum, np.exp, ...) live in index.ts.
import { IndexError, ValueError } from "./errors";
import { addKernel, binaryKernel, divideKernel, multiplyKernel, subtractKernel } from "./kernels/elementwise";
import { formatTensor } from "./kernels/format";
import { dotKernel, transposeKernel } from "./kernels/linalg";
import { argReduceKernel, reduceKernel, type ReduceOp } from "./kernels/reduce";
import { formatShape, formatTuple, normalizeAxes, normalizeAxis, shapeSize, type Tensor } from "./kernels/shape";

/** Anything numpy would accept as an array: a number, a boolean, an NDArray or nested lists of them. */
export type ArrayInput = number | boolean | NDArray | readonly ArrayInput[];

/** Nested plain arrays of numbers, as returned by NDArray.toArray(). */
export type NestedNumbers = number | NestedNumbers[];

/** Keyword arguments of the reductions (np.sum(a, { axis: 1, keepdims: true })). */
export interface ReduceOptions {
  /** Axis or axes to reduce; negative counts from the end; omitted or null reduces everything. */
  axis?: number | readonly number[] | null;
  /** Keep reduced axes as dimensions of length 1, so the result broadcasts against the input. */
  keepdims?: boolean;
}

/** An axis given positionally, as numpy allows: np.sum(a, 1) is np.sum(a, { axis: 1 }). */
export type AxisArgument = number | readonly number[];

/** @internal Options object from a positional axis or an options object. */
export function toOptions<T extends ReduceOptions>(options: T | AxisArgument | undefined): T | ReduceOptions {
  // null is numpy's axis=None passed positionally.
  if (options === undefined || (options as unknown) === null) return {};
  if (typeof options === "number" || Array.isArray(options)) return { axis: options as AxisArgument };
  if (typeof options !== "object") {
    throw new TypeError(`expected an axis or an options object such as { axis: 1, keepdims: true }, got ${describe(options)}`);
  }
  return options as T;
}

/** A full reduction (no axis, no keepdims), which returns a plain number. */
export interface FullReduceOptions {
  axis?: null;
  keepdims?: false;
}

export class NDArray {
  /** Row-major contiguous values. */
  readonly data: Float64Array;
  /** Length of every dimension. */
  readonly shape: readonly number[];

  constructor(data: Float64Array, shape: readonly number[]) {
    for (const d of shape) {
      if (!Number.isInteger(d) || d < 0) throw new ValueError(`negative dimensions are not allowed`);
    }
    if (shapeSize(shape) !== data.length) {
      throw new ValueError(`cannot reshape array of size ${data.length} into shape ${formatShape(shape)}`);
    }
    this.data = data;
    // A copy, so later changes to the caller's list cannot reshape the array.
    this.shape = shape.slice();
  }

  /** Number of dimensions. */
  get ndim(): number {
    return this.shape.length;
  }

  /** Number of elements. */
  get size(): number {
    return this.data.length;
  }

  /** The transpose (a copy with the axes reversed). */
  get T(): NDArray {
    if (this.shape.length < 2) return this.copy();
    return fromTensor(transposeKernel(this, this.shape.map((_, i) => this.shape.length - 1 - i)));
  }

  /** Same data in a new shape; one dimension may be -1. Accepts reshape(2, 3) and reshape([2, 3]). */
  reshape(shape: readonly number[]): NDArray;
  reshape(...shape: number[]): NDArray;
  reshape(...args: (number | readonly number[])[]): NDArray {
    const first = args[0];
    const shape = args.length === 1 && Array.isArray(first) ? (first as readonly number[]) : (args as number[]);
    return new NDArray(this.data.slice(), resolveReshape(this.data.length, shape));
  }

  /** A 1-d copy. */
  flatten(): NDArray {
    return new NDArray(this.data.slice(), [this.data.length]);
  }

  /** A 1-d copy (numpy returns a view when it can; here it is always a copy). */
  ravel(): NDArray {
    return this.flatten();
  }

  /** A copy. */
  copy(): NDArray {
    return new NDArray(this.data.slice(), this.shape);
  }

  /** The element at one index per dimension (negative indices count from the end), as a number. */
  get(...index: number[]): number {
    return this.data[flatIndex(this.shape, index)]!;
  }

  /** Nested plain JavaScript arrays (a number for a 0-d array). */
  toArray(): NestedNumbers {
    const data = this.data;
    const shape = this.shape;
    if (shape.length === 0) return data[0]!;
    const build = (dim: number, offset: number, stride: number): NestedNumbers[] => {
      const len = shape[dim]!;
      const inner = stride / (len || 1);
      const out: NestedNumbers[] = new Array<NestedNumbers>(len);
      for (let i = 0; i < len; i++) {
        out[i] = dim === shape.length - 1 ? data[offset + i]! : build(dim + 1, offset + i * inner, inner);
      }
      return out;
    };
    return build(0, 0, data.length);
  }

  /** numpy's name for toArray(): nested plain arrays. */
  tolist(): NestedNumbers {
    return this.toArray();
  }

  /** The only element of a size-1 array, as a number. */
  item(): number {
    if (this.data.length !== 1) throw new ValueError("can only convert an array of size 1 to a Python scalar");
    return this.data[0]!;
  }

  /** this + other, broadcast. */
  add(other: ArrayInput): NDArray {
    return fromTensor(addKernel(this, asNDArray(other)));
  }

  /** this - other, broadcast. */
  sub(other: ArrayInput): NDArray {
    return fromTensor(subtractKernel(this, asNDArray(other)));
  }

  /** this * other (elementwise), broadcast. */
  mul(other: ArrayInput): NDArray {
    return fromTensor(multiplyKernel(this, asNDArray(other)));
  }

  /** this / other (elementwise), broadcast. */
  div(other: ArrayInput): NDArray {
    return fromTensor(divideKernel(this, asNDArray(other)));
  }

  /** this ** other (elementwise), broadcast. */
  pow(other: ArrayInput): NDArray {
    return fromTensor(powerKernel(this, asNDArray(other)));
  }

  /** np.dot(this, other). */
  dot(other: ArrayInput): NDArray {
    const b = asNDArray(other);
    if (this.ndim === 0 || b.ndim === 0) return this.mul(b);
    return fromTensor(dotKernel(this, b));
  }

  /** np.sum(this, options): a number without axis. */
  sum(options?: FullReduceOptions): number;
  sum(options: ReduceOptions | AxisArgument): NDArray;
  sum(options?: ReduceOptions | AxisArgument): number | NDArray {
    return reduceArray(this, toOptions(options), "sum");
  }

  /** np.mean(this, options): a number without axis. */
  mean(options?: FullReduceOptions): number;
  mean(options: ReduceOptions | AxisArgument): NDArray;
  mean(options?: ReduceOptions | AxisArgument): number | NDArray {
    return meanArray(this, toOptions(options));
  }

  /** np.max(this, options): a number without axis. */
  max(options?: FullReduceOptions): number;
  max(options: ReduceOptions | AxisArgument): NDArray;
  max(options?: ReduceOptions | AxisArgument): number | NDArray {
    return reduceArray(this, toOptions(options), "max");
  }

  /** np.min(this, options): a number without axis. */
  min(options?: FullReduceOptions): number;
  min(options: ReduceOptions | AxisArgument): NDArray;
  min(options?: ReduceOptions | AxisArgument): number | NDArray {
    return reduceArray(this, toOptions(options), "min");
  }

  /** np.prod(this, options): a number without axis. */
  prod(options?: FullReduceOptions): number;
  prod(options: ReduceOptions | AxisArgument): NDArray;
  prod(options?: ReduceOptions | AxisArgument): number | NDArray {
    return reduceArray(this, toOptions(options), "prod");
  }

  /** np.argmax(this, { axis }): a flat index without axis. */
  argmax(): number;
  argmax(axis: number): NDArray;
  argmax(axis?: number): number | NDArray {
    return argIndex(this, axis, true);
  }

  /** np.argmin(this, { axis }): a flat index without axis. */
  argmin(): number;
  argmin(axis: number): NDArray;
  argmin(axis?: number): number | NDArray {
    return argIndex(this, axis, false);
  }

  /** Printed like numpy's print(a): [[1. 2.]\n [3. 4.]]. */
  toString(): string {
    return formatTensor(this);
  }

  /** Prints in string contexts; `a * 2` or `a < b` throw: use np.multiply, np.greater, ... */
  [Symbol.toPrimitive](hint: string): string {
    // JavaScript has no operator overloading, so arithmetic on arrays would silently
    // give NaN; fail loudly instead. "A = " + a and template literals still print.
    if (hint === "number") throw new TypeError(OPERATOR_MESSAGE);
    return this.toString();
  }
}

const OPERATOR_MESSAGE =
  "an NDArray cannot be used with JavaScript's arithmetic or comparison operators (* / - ** < >): " +
  "use np.multiply, np.divide, np.subtract, np.power, np.greater, ... or the methods a.mul(b), a.div(b), a.sub(b), a.pow(b)";

/** @internal numpy's power for floats: C pow semantics where JavaScript's ** differs (1 ** NaN, (-1) ** Infinity). */
export function powScalar(x: number, y: number): number {
  if (y === 2) return x * x;
  if (x === 1 || y === 0) return 1;
  if (x === -1 && (y === Infinity || y === -Infinity)) return 1;
  return x ** y;
}

const powerKernel = binaryKernel(powScalar);

/** @internal Wraps a kernel result. */
export function fromTensor(t: Tensor): NDArray {
  return new NDArray(t.data, t.shape);
}

/** @internal Converts numbers, booleans and nested arrays to an NDArray; NDArrays pass through uncopied (np.asarray). */
export function asNDArray(x: ArrayInput): NDArray {
  if (x instanceof NDArray) return x;
  if (typeof x === "number") return new NDArray(Float64Array.of(x), []);
  if (typeof x === "boolean") return new NDArray(Float64Array.of(x ? 1 : 0), []);
  if (Array.isArray(x)) return nestedToNDArray(x as readonly ArrayInput[]);
  throw new TypeError(`cannot convert ${describe(x)} to an array of numbers`);
}

function describe(x: unknown): string {
  if (x === null) return "null";
  // `a + b` on two arrays concatenates their printed forms; say so rather than quote the string.
  if (typeof x === "string" && x.startsWith("[")) return "a string (did you use + on arrays? use np.add(a, b) or a.add(b))";
  if (x === undefined) return "undefined";
  return typeof x === "object" ? (x.constructor?.name ?? "object") : `${typeof x} ${JSON.stringify(x)}`;
}

function nestedToNDArray(x: readonly ArrayInput[]): NDArray {
  // The shape is read along the first element of every level, then every leaf is checked against it.
  const shape: number[] = [];
  let probe: ArrayInput = x;
  for (;;) {
    if (Array.isArray(probe)) {
      const list = probe as readonly ArrayInput[];
      shape.push(list.length);
      if (list.length === 0) break;
      probe = list[0]!;
    } else if (probe instanceof NDArray) {
      shape.push(...probe.shape);
      break;
    } else break;
  }
  const data = new Float64Array(shapeSize(shape));
  let pos = 0;
  const inhomogeneous = (depth: number): ValueError =>
    new ValueError(
      `setting an array element with a sequence. The requested array has an inhomogeneous shape after ${depth} dimensions. The detected shape was ${formatTuple(shape.slice(0, depth))} + inhomogeneous part.`,
    );
  const fill = (node: ArrayInput, depth: number): void => {
    if (node instanceof NDArray) {
      for (let i = 0; i < node.ndim; i++) if (node.shape[i] !== shape[depth + i]) throw inhomogeneous(depth + i);
      if (depth + node.ndim !== shape.length) throw inhomogeneous(depth);
      data.set(node.data, pos);
      pos += node.data.length;
      return;
    }
    if (Array.isArray(node)) {
      const list = node as readonly ArrayInput[];
      if (depth >= shape.length || list.length !== shape[depth]) throw inhomogeneous(depth);
      for (const child of list) fill(child, depth + 1);
      return;
    }
    if (depth !== shape.length) throw inhomogeneous(depth);
    if (typeof node === "number") data[pos++] = node;
    else if (typeof node === "boolean") data[pos++] = node ? 1 : 0;
    else throw new TypeError(`cannot convert ${describe(node)} to a number`);
  };
  fill(x, 0);
  return new NDArray(data, shape);
}

/** @internal The concrete shape of a reshape, resolving one -1, or numpy's error. */
export function resolveReshape(size: number, shape: readonly number[]): number[] {
  const out = shape.slice();
  let unknown = -1;
  let known = 1;
  for (let i = 0; i < out.length; i++) {
    const d = out[i]!;
    if (!Number.isInteger(d)) throw new TypeError(`'${d}' cannot be interpreted as an integer`);
    if (d === -1) {
      if (unknown >= 0) throw new ValueError("can only specify one unknown dimension");
      unknown = i;
    } else if (d < 0) throw new ValueError("negative dimensions not allowed");
    else known *= d;
  }
  if (unknown >= 0) {
    if (known === 0 || size % known !== 0) {
      throw new ValueError(`cannot reshape array of size ${size} into shape ${formatRequestedShape(shape)}`);
    }
    out[unknown] = size / known;
  }
  if (shapeSize(out) !== size) throw new ValueError(`cannot reshape array of size ${size} into shape ${formatShape(shape)}`);
  return out;
}

/** numpy prints the unknown dimension of a failed reshape as "newaxis": (4,newaxis). */
function formatRequestedShape(shape: readonly number[]): string {
  return formatShape(shape).replace(/-1/g, "newaxis");
}

/** Flat position of a full index, with numpy's IndexErrors. */
function flatIndex(shape: readonly number[], index: readonly number[]): number {
  if (index.length > shape.length) {
    throw new IndexError(`too many indices for array: array is ${shape.length}-dimensional, but ${index.length} were indexed`);
  }
  if (index.length < shape.length) {
    throw new IndexError(
      `get() needs one index per dimension: array is ${shape.length}-dimensional, but ${index.length} were given`,
    );
  }
  let flat = 0;
  for (let axis = 0; axis < shape.length; axis++) {
    const size = shape[axis]!;
    let i = index[axis]!;
    if (!Number.isInteger(i)) throw new IndexError("only integers are valid indices");
    if (i < -size || i >= size) throw new IndexError(`index ${i} is out of bounds for axis ${axis} with size ${size}`);
    if (i < 0) i += size;
    flat = flat * size + i;
  }
  return flat;
}

/** @internal Shared by np.sum/np.max/... and the NDArray methods: a number for a full reduction. */
export function reduceArray(a: NDArray, options: ReduceOptions, op: ReduceOp): number | NDArray {
  const axes = normalizeAxes(options.axis, a.ndim);
  const keepdims = options.keepdims ?? false;
  const t = reduceKernel(a, axes, keepdims, op);
  if (isFullReduction(options)) return t.data[0]!;
  return fromTensor(t);
}

/** @internal np.mean: the sum divided by the count, exactly as numpy computes it. */
export function meanArray(a: NDArray, options: ReduceOptions): number | NDArray {
  const axes = normalizeAxes(options.axis, a.ndim);
  let count = 1;
  for (const ax of axes) count *= a.shape[ax]!;
  const t = reduceKernel(a, axes, options.keepdims ?? false, "sum");
  const data = t.data;
  for (let i = 0; i < data.length; i++) data[i] = data[i]! / count;
  if (isFullReduction(options)) return data[0]!;
  return fromTensor(t);
}

function argIndex(a: NDArray, axis: number | undefined, max: boolean): number | NDArray {
  if (axis === undefined) return argReduceKernel(a, null, false, max).data[0]!;
  return fromTensor(argReduceKernel(a, normalizeAxis(axis, a.ndim), false, max));
}

function isFullReduction(options: ReduceOptions): boolean {
  return (options.axis === undefined || options.axis === null) && !options.keepdims;
}
