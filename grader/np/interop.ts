// Helpers for the sandbox and the grader to move arrays in and out of the np
// runtime. NOT learner API: learners import "np", which does not export these.
import { NDArray } from "./ndarray";

/** True when x is an NDArray of this runtime instance. */
export function isNDArray(x: unknown): x is NDArray {
  return x instanceof NDArray;
}

/** Wraps row-major float64 data (not copied) as an NDArray; throws if the sizes disagree. */
export function fromFlat(shape: readonly number[], data: Float64Array): NDArray {
  return new NDArray(data, shape);
}
