// Python-style argument handling for np.random: positional arguments plus a trailing
// keyword object (`randint(0, 10, { size: 3 })`), and numpy's own conversions of sizes
// and integers with numpy's own error messages, so a learner who reads the error sees
// what numpy would have said. Edit this when a np.random function gains a parameter.
import { ValueError } from "../errors";
import { broadcastTo } from "../kernels/elementwise";
import { broadcastShapes, formatTuple, sameShape } from "../kernels/shape";
import { asNDArray, NDArray, type ArrayInput } from "../ndarray";

/** numpy's `size`: one length or a shape; `null`/`undefined` mean "return a scalar". */
export type Size = number | readonly number[];

type Keywords = Record<string, unknown>;

/** A plain `{ ... }` object literal: the trailing keyword arguments. */
export function isKeywords(value: unknown): value is Keywords {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * Binds `args` to the parameter `names` like Python does: positional first, then the
 * trailing keyword object. Missing parameters are `undefined`.
 */
export function bindArguments(fn: string, names: readonly string[], args: readonly unknown[]): unknown[] {
  const last = args[args.length - 1];
  const keywords = args.length > 0 && isKeywords(last) ? last : undefined;
  const positional = keywords === undefined ? args : args.slice(0, -1);
  if (positional.length > names.length) {
    throw new TypeError(`${fn}() takes at most ${names.length} positional arguments (${positional.length} given)`);
  }
  const bound = names.map((_, i) => positional[i]);
  for (const [key, value] of Object.entries(keywords ?? {})) {
    const index = names.indexOf(key);
    if (index < 0) throw new TypeError(`${fn}() got an unexpected keyword argument '${key}'`);
    if (index < positional.length && positional[index] !== undefined) {
      throw new TypeError(`${fn}() got multiple values for argument '${key}'`);
    }
    bound[index] = value;
  }
  return bound;
}

/** The Python type name numpy would print for a JavaScript value. */
export function pythonTypeName(value: unknown): string {
  if (value === null || value === undefined) return "NoneType";
  if (typeof value === "number") return Number.isInteger(value) ? "int" : "float";
  if (typeof value === "boolean") return "bool";
  if (typeof value === "string") return "str";
  if (typeof value === "bigint") return "int";
  if (Array.isArray(value)) return "tuple";
  if (value instanceof NDArray) return "numpy.ndarray";
  if (typeof value === "function") return "function";
  return "dict";
}

/** Python's `operator.index`: an integer or numpy's TypeError. */
export function toIndex(value: unknown): number {
  if (typeof value === "number" && Number.isInteger(value)) return value;
  if (typeof value === "boolean") return value ? 1 : 0;
  if (value instanceof NDArray) throw new TypeError("only integer scalar arrays can be converted to a scalar index");
  throw new TypeError(`'${pythonTypeName(value)}' object cannot be interpreted as an integer`);
}

/** A list of dimensions, each an integer >= 0 (numpy's `np.empty(shape)` checks). */
export function toDimensions(values: readonly unknown[]): number[] {
  const dims = values.map(toIndex);
  if (dims.some((d) => d < 0)) throw new ValueError("negative dimensions are not allowed");
  return dims;
}

/** numpy's `size`: `null` for a scalar result, otherwise the output shape. */
export function toShape(size: unknown): number[] | null {
  if (size === null || size === undefined) return null;
  if (Array.isArray(size)) return toDimensions(size);
  if (size instanceof NDArray) return toDimensions(Array.from(size.data));
  return toDimensions([size]);
}

/** A distribution parameter: a number, or an array broadcast against the others. */
export type Parameter = number | NDArray;

/** numpy's reading of a parameter: numbers and 0-d arrays are scalars, the rest arrays. */
export function toParameter(value: unknown, fallback: number): Parameter {
  if (value === undefined || value === null) return fallback;
  if (typeof value === "number") return value;
  if (typeof value === "boolean") return value ? 1 : 0;
  const array = toNDArray(value);
  return array.shape.length === 0 ? (array.data[0] ?? Number.NaN) : array;
}

export function shapeOf(parameter: Parameter): readonly number[] {
  return typeof parameter === "number" ? [] : parameter.shape;
}

/**
 * The output shape of a draw with array parameters, like numpy's multi-iterator over
 * (output, ...parameters): `size` when given (the parameters must broadcast to it),
 * otherwise the parameters' broadcast shape. Errors are numpy's.
 */
export function broadcastOutputShape(size: number[] | null, parameters: readonly Parameter[]): number[] {
  const shapes = [...(size === null ? [] : [size]), ...parameters.map(shapeOf)];
  for (let k = 1; k < shapes.length; k++) {
    for (let j = 0; j < k; j++) {
      const a = shapes[j] ?? [];
      const b = shapes[k] ?? [];
      if (!broadcastable(a, b)) {
        throw new ValueError(
          `shape mismatch: objects cannot be broadcast to a single shape.  Mismatch is between arg ${j} with shape ${formatTuple(a)} and arg ${k} with shape ${formatTuple(b)}.`,
        );
      }
    }
  }
  const full = broadcastShapes(...shapes);
  if (size !== null && !sameShape(full, size)) {
    throw new ValueError(
      `Output size ${formatTuple(size)} is not compatible with broadcast dimensions of inputs ${formatTuple(full)}.`,
    );
  }
  return full;
}

function broadcastable(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 1; i <= Math.min(a.length, b.length); i++) {
    const da = a[a.length - i] ?? 1;
    const db = b[b.length - i] ?? 1;
    if (da !== db && da !== 1 && db !== 1) return false;
  }
  return true;
}

/** A parameter's values repeated over `shape` in row-major order (shape must be its broadcast). */
export function spread(parameter: Parameter, shape: readonly number[]): Float64Array {
  if (typeof parameter === "number") return new Float64Array(shapeSize(shape)).fill(parameter);
  if (sameShape(parameter.shape, shape)) return parameter.data;
  return broadcastTo(parameter, shape).data;
}

export function shapeSize(shape: readonly number[]): number {
  return shape.reduce((product, d) => product * d, 1);
}

/**
 * `np.asarray(x)` for a learner's value. np's converter checks every element at run
 * time and throws numpy's errors, so handing it an unchecked value is safe.
 */
export function toNDArray(value: unknown): NDArray {
  return asNDArray(value as ArrayInput);
}
