// Mistake: 1 − a instead of 1 − a².
import * as np from "np";
import type { NDArray } from "np";

export function tanhDerivative(z: NDArray): NDArray {
  return np.subtract(1, np.tanh(z));
}
