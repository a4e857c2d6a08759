// Reference solution: the 0/1 mask of positive entries (0 at z = 0).
import * as np from "np";
import type { NDArray } from "np";

export function reluDerivative(z: NDArray): NDArray {
  return np.greater(z, 0);
}
