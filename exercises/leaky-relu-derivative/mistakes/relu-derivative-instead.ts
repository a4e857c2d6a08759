// Mistake: ReLU's derivative; the negative side's slope is alpha, not 0.
import * as np from "np";
import type { NDArray } from "np";

export function leakyReluDerivative(z: NDArray, alpha = 0.01): NDArray {
  void alpha;
  return np.greater(z, 0);
}
