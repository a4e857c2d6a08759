// Mistake: e^{−z} / (1 + e^{−z})²; at z = −1000 it is Infinity / Infinity = NaN.
import * as np from "np";
import type { NDArray } from "np";

export function sigmoidDerivative(z: NDArray): NDArray {
  const e = np.exp(np.negative(z));
  return np.divide(e, np.square(np.add(1, e)));
}
