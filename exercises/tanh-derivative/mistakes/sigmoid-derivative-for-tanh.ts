// Mistake: a(1 − a), the sigmoid's rule, applied to a tanh activation.
import * as np from "np";
import type { NDArray } from "np";

export function tanhDerivative(z: NDArray): NDArray {
  const a = np.tanh(z);
  return np.multiply(a, np.subtract(1, a));
}
