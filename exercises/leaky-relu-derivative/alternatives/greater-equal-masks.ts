// Masks, with slope 1 at z = 0 (either convention is right there).
import * as np from "np";
import type { NDArray } from "np";

export function leakyReluDerivative(z: NDArray, alpha = 0.01): NDArray {
  const positive = np.greater_equal(z, 0);
  const negative = np.less(z, 0);
  return np.add(positive, np.multiply(negative, alpha));
}
