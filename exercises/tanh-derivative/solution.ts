// Reference solution: g'(z) = 1 − a² with a = tanh(z).
import * as np from "np";
import type { NDArray } from "np";

export function tanhDerivative(z: NDArray): NDArray {
  const a = np.tanh(z);
  return np.subtract(1, np.square(a));
}
