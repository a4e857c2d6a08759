// Mistake: 1 on the negative side and 0 on the positive side.
import * as np from "np";
import type { NDArray } from "np";

export function reluDerivative(z: NDArray): NDArray {
  return np.less(z, 0);
}
