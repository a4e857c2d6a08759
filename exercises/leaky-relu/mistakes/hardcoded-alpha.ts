// Mistake: the slope 0.01 is written in; the alpha argument is ignored.
import * as np from "np";
import type { NDArray } from "np";

export function leakyRelu(z: NDArray, alpha = 0.01): NDArray {
  void alpha;
  return np.maximum(np.multiply(0.01, z), z);
}
