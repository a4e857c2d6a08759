import * as np from "np";
import type { NDArray } from "np";

/**
 * The derivative of ReLU: 0 where z < 0, 1 where z > 0 (at z = 0, either 0 or 1).
 * z: an array of any shape. Returns an array of the same shape.
 */
export function reluDerivative(z: NDArray): NDArray {
  // TODO: return 1 where z is positive and 0 where it is negative.
  return np.full(z.shape, 0.5);
}
