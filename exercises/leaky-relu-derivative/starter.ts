import * as np from "np";
import type { NDArray } from "np";

/**
 * The derivative of Leaky ReLU: alpha where z < 0, 1 where z > 0 (at z = 0, either).
 * z: an array of any shape; alpha: the slope for negative inputs. Returns an array of the same shape.
 */
export function leakyReluDerivative(z: NDArray, alpha = 0.01): NDArray {
  // TODO: 1 where z is positive, alpha where it is negative.
  return np.zeros(z.shape);
}
