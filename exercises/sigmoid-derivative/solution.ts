// Reference solution: σ'(z) = a(1 − a) with a stable sigmoid.
import * as np from "np";
import type { NDArray } from "np";

function sigmoid(z: NDArray): NDArray {
  // e^{−|z|} is in (0, 1], so neither branch overflows.
  const e = np.exp(np.negative(np.abs(z)));
  return np.where(np.greater_equal(z, 0), np.divide(1, np.add(1, e)), np.divide(e, np.add(1, e)));
}

export function sigmoidDerivative(z: NDArray): NDArray {
  const a = sigmoid(z);
  return np.multiply(a, np.subtract(1, a));
}
