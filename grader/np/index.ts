// The learner-facing numpy: `import * as np from "np"`. numpy's names and
// semantics; keyword arguments are a trailing options object. Every function
// accepts numbers, nested arrays and NDArrays where numpy does, and a full
// reduction returns a plain number. Add new public functions here (with a
// one-line JSDoc: it becomes the Monaco hover text via np.d.ts).
import { addKernel, divideKernel, mapKernel, multiplyKernel, subtractKernel } from "./kernels/elementwise";
import { dotKernel } from "./kernels/linalg";
import { asNDArray, fromTensor, NDArray, reduceArray, meanArray, type ArrayInput, type FullReduceOptions, type ReduceOptions } from "./ndarray";

export { NDArray };
export type { ArrayInput, FullReduceOptions, NestedNumbers, ReduceOptions } from "./ndarray";

/** A new float64 array from a number, nested arrays or another array (always copies). */
export function array(object: ArrayInput): NDArray {
  return asNDArray(object).copy();
}

/** An array filled with zeros; shape is a number or a list of numbers. */
export function zeros(shape: number | readonly number[]): NDArray {
  const s = typeof shape === "number" ? [shape] : shape;
  let n = 1;
  for (const d of s) n *= d;
  return new NDArray(new Float64Array(n), s);
}

/** x1 + x2, elementwise with broadcasting. */
export function add(x1: number, x2: number): number;
export function add(x1: ArrayInput, x2: ArrayInput): NDArray;
export function add(x1: ArrayInput, x2: ArrayInput): number | NDArray {
  if (typeof x1 === "number" && typeof x2 === "number") return x1 + x2;
  return fromTensor(addKernel(asNDArray(x1), asNDArray(x2)));
}

/** x1 - x2, elementwise with broadcasting. */
export function subtract(x1: number, x2: number): number;
export function subtract(x1: ArrayInput, x2: ArrayInput): NDArray;
export function subtract(x1: ArrayInput, x2: ArrayInput): number | NDArray {
  if (typeof x1 === "number" && typeof x2 === "number") return x1 - x2;
  return fromTensor(subtractKernel(asNDArray(x1), asNDArray(x2)));
}

/** x1 * x2, elementwise with broadcasting. */
export function multiply(x1: number, x2: number): number;
export function multiply(x1: ArrayInput, x2: ArrayInput): NDArray;
export function multiply(x1: ArrayInput, x2: ArrayInput): number | NDArray {
  if (typeof x1 === "number" && typeof x2 === "number") return x1 * x2;
  return fromTensor(multiplyKernel(asNDArray(x1), asNDArray(x2)));
}

/** x1 / x2, elementwise with broadcasting. */
export function divide(x1: number, x2: number): number;
export function divide(x1: ArrayInput, x2: ArrayInput): NDArray;
export function divide(x1: ArrayInput, x2: ArrayInput): number | NDArray {
  if (typeof x1 === "number" && typeof x2 === "number") return x1 / x2;
  return fromTensor(divideKernel(asNDArray(x1), asNDArray(x2)));
}

/** e to the power x, elementwise. */
export function exp(x: number): number;
export function exp(x: ArrayInput): NDArray;
export function exp(x: ArrayInput): number | NDArray {
  return typeof x === "number" ? Math.exp(x) : fromTensor(mapKernel(asNDArray(x), Math.exp));
}

/** Hyperbolic tangent, elementwise. */
export function tanh(x: number): number;
export function tanh(x: ArrayInput): NDArray;
export function tanh(x: ArrayInput): number | NDArray {
  return typeof x === "number" ? Math.tanh(x) : fromTensor(mapKernel(asNDArray(x), Math.tanh));
}

/** Dot product: inner product of 1-d arrays (a number), matrix product of 2-d arrays, scaling by a scalar. */
export function dot(a: ArrayInput, b: ArrayInput): NDArray {
  const x = asNDArray(a);
  const y = asNDArray(b);
  if (x.ndim === 0 || y.ndim === 0) return fromTensor(multiplyKernel(x, y));
  return fromTensor(dotKernel(x, y));
}

/** Sum of elements, over every axis (a number) or over { axis, keepdims }. */
export function sum(a: ArrayInput, options?: FullReduceOptions): number;
export function sum(a: ArrayInput, options: ReduceOptions): NDArray;
export function sum(a: ArrayInput, options: ReduceOptions = {}): number | NDArray {
  return reduceArray(asNDArray(a), options, "sum");
}

/** Arithmetic mean, over every axis (a number) or over { axis, keepdims }. */
export function mean(a: ArrayInput, options?: FullReduceOptions): number;
export function mean(a: ArrayInput, options: ReduceOptions): NDArray;
export function mean(a: ArrayInput, options: ReduceOptions = {}): number | NDArray {
  return meanArray(asNDArray(a), options);
}
