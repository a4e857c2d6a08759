import * as np from "np";
import type { NDArray } from "np";

/**
 * The rectified linear unit ReLU(z) = max(0, z), elementwise.
 * z: an array of any shape. Returns an array of the same shape.
 */
export function relu(z: NDArray): NDArray {
  // TODO: keep the positive entries of z and replace the negative ones by 0.
  return np.zeros(z.shape);
}
