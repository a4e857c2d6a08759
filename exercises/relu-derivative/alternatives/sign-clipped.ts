// max(sign(z), 0): 1 for positive entries, 0 for the rest.
import * as np from "np";
import type { NDArray } from "np";

export function reluDerivative(z: NDArray): NDArray {
  return np.maximum(np.sign(z), 0);
}
