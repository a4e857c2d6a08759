// Mistake: np.sign(z) is −1 for negative z; ReLU's slope there is 0.
import * as np from "np";
import type { NDArray } from "np";

export function reluDerivative(z: NDArray): NDArray {
  return np.sign(z);
}
