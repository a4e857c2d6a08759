// Mistake: 2σ(z) − 1, which is tanh(z / 2); the identity is tanh(z) = 2σ(2z) − 1.
import * as np from "np";
import type { NDArray } from "np";

export function tanh(z: NDArray): NDArray {
  const s = np.divide(1, np.add(1, np.exp(np.negative(z))));
  return np.subtract(np.multiply(2, s), 1);
}
