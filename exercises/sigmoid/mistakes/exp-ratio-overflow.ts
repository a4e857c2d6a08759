// Mistake: e^{z} / (1 + e^{z}) everywhere; at z = 1000 it is Infinity / Infinity = NaN.
import * as np from "np";

export function sigmoid(z: np.NDArray): np.NDArray {
  const ez = np.exp(z);
  return np.divide(ez, np.add(1, ez));
}
