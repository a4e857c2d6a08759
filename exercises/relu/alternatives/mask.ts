// Multiply by the 0/1 mask of positive entries instead of np.maximum.
import * as np from "np";
import type { NDArray } from "np";

export function relu(z: NDArray): NDArray {
  return z.mul(np.greater(z, 0));
}
