// 1 − a² = (1 − a)(1 + a), with NDArray methods.
import * as np from "np";
import type { NDArray } from "np";

export function tanhDerivative(z: NDArray): NDArray {
  const a = np.tanh(z);
  return np.subtract(1, a).mul(a.add(1));
}
