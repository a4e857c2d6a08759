// Mistake: min(0, z) keeps the negative part instead of the positive part.
import * as np from "np";
import type { NDArray } from "np";

export function relu(z: NDArray): NDArray {
  return np.minimum(0, z);
}
