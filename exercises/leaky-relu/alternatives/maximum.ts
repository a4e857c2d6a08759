// max(alpha · z, z), the lecture's form; right because 0 < alpha < 1.
import * as np from "np";
import type { NDArray } from "np";

export function leakyRelu(z: NDArray, alpha = 0.01): NDArray {
  return np.maximum(np.multiply(alpha, z), z);
}
