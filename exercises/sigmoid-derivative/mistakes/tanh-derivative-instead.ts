// Mistake: 1 − a², the tanh rule, applied to the sigmoid.
import * as np from "np";
import type { NDArray } from "np";

export function sigmoidDerivative(z: NDArray): NDArray {
  const e = np.exp(np.negative(np.abs(z)));
  const a = np.where(np.greater_equal(z, 0), np.divide(1, np.add(1, e)), np.divide(e, np.add(1, e)));
  return np.subtract(1, np.square(a));
}
