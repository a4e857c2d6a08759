// 1 at z = 0 as well: the derivative is undefined there and either convention is right.
import * as np from "np";
import type { NDArray } from "np";

export function reluDerivative(z: NDArray): NDArray {
  return np.where(np.greater_equal(z, 0), 1, 0);
}
