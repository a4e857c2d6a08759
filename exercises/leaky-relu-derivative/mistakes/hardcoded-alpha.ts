// Mistake: the slope 0.01 is written in; the alpha argument is ignored.
import * as np from "np";
import type { NDArray } from "np";

export function leakyReluDerivative(z: NDArray, alpha = 0.01): NDArray {
  void alpha;
  return np.where(np.greater(z, 0), 1, 0.01);
}
