// Mistake: |z| flips negative inputs instead of zeroing them.
import * as np from "np";
import type { NDArray } from "np";

export function relu(z: NDArray): NDArray {
  return np.abs(z);
}
