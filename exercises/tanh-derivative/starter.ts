import * as np from "np";
import type { NDArray } from "np";

/**
 * The derivative of tanh, g'(z) = 1 − tanh(z)², elementwise.
 * z: an array of any shape. Returns an array of the same shape.
 */
export function tanhDerivative(z: NDArray): NDArray {
  // TODO: compute a = tanh(z), then 1 − a².
  return np.zeros(z.shape);
}
