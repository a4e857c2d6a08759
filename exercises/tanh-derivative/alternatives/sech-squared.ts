// 1 − tanh² = sech² = (2 / (e^z + e^{−z}))²; at |z| = 1000 the sum is Infinity and 2 / Infinity = 0.
import * as np from "np";
import type { NDArray } from "np";

export function tanhDerivative(z: NDArray): NDArray {
  const sech = np.divide(2, np.add(np.exp(z), np.exp(np.negative(z))));
  return np.square(sech);
}
