import * as np from "np";
import type { NDArray } from "np";

/**
 * Leaky ReLU: z where z > 0, alpha · z elsewhere, elementwise.
 * z: an array of any shape; alpha: the slope for negative inputs (0 < alpha < 1).
 * Returns an array of the same shape.
 */
export function leakyRelu(z: NDArray, alpha = 0.01): NDArray {
  // TODO: like ReLU, but negative entries are multiplied by alpha instead of becoming 0.
  return np.zeros(z.shape);
}
