import * as np from "np";
import type { NDArray } from "np";

/**
 * The derivative of the sigmoid, σ'(z) = σ(z)(1 − σ(z)), elementwise.
 * z: an array of any shape. Returns an array of the same shape.
 */
export function sigmoidDerivative(z: NDArray): NDArray {
  // TODO: compute a = σ(z) (stably), then a · (1 − a).
  return np.zeros(z.shape);
}
