// Mistake: returns the 0/1 mask (z > 0), which is ReLU's derivative, not ReLU.
import * as np from "np";
import type { NDArray } from "np";

export function relu(z: NDArray): NDArray {
  return np.greater(z, 0);
}
