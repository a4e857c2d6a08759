// Mistake: alpha scales the positive side instead of the negative side.
import * as np from "np";
import type { NDArray } from "np";

export function leakyRelu(z: NDArray, alpha = 0.01): NDArray {
  return np.where(np.greater(z, 0), np.multiply(alpha, z), z);
}
