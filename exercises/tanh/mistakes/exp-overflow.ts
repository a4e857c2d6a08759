// Mistake: the textbook ratio; at z = 1000, e^{1000} = Infinity and Infinity / Infinity = NaN.
import * as np from "np";
import type { NDArray } from "np";

export function tanh(z: NDArray): NDArray {
  const ez = np.exp(z);
  const emz = np.exp(np.negative(z));
  return np.divide(np.subtract(ez, emz), np.add(ez, emz));
}
