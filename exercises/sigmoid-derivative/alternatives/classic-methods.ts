// The textbook sigmoid 1 / (1 + e^{−z}) (e^{1000} = Infinity gives exactly 0, not NaN) and methods.
import * as np from "np";
import type { NDArray } from "np";

export function sigmoidDerivative(z: NDArray): NDArray {
  const a = np.divide(1, np.exp(z.mul(-1)).add(1));
  return a.mul(np.subtract(1, a));
}
