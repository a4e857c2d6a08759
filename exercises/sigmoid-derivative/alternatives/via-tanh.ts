// σ(z) = (1 + tanh(z/2)) / 2, so σ'(z) = (1 − tanh²(z/2)) / 4.
import * as np from "np";
import type { NDArray } from "np";

export function sigmoidDerivative(z: NDArray): NDArray {
  const t = np.tanh(np.divide(z, 2));
  return np.multiply(0.25, np.subtract(1, np.square(t)));
}
