import * as np from "np";
import type { NDArray } from "np";

/**
 * The hyperbolic tangent tanh(z) = (e^z − e^{−z}) / (e^z + e^{−z}), elementwise.
 * z: an array of any shape. Returns an array of the same shape with values in (−1, 1).
 */
export function tanh(z: NDArray): NDArray {
  // TODO: compute tanh(z) from exponentials, without NaN or Infinity even for z = ±1000.
  return np.zeros(z.shape);
}
