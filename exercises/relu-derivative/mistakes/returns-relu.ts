// Mistake: returns ReLU itself, max(0, z), instead of its slope.
import * as np from "np";
import type { NDArray } from "np";

export function reluDerivative(z: NDArray): NDArray {
  return np.maximum(0, z);
}
