// σ'(z) = e^{−|z|} / (1 + e^{−|z|})²: σ' is even, and e^{−|z|} never overflows.
import * as np from "np";
import type { NDArray } from "np";

export function sigmoidDerivative(z: NDArray): NDArray {
  const e = np.exp(np.negative(np.abs(z)));
  return np.divide(e, np.square(np.add(1, e)));
}
