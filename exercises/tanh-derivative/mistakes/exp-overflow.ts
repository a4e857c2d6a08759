// Mistake: tanh from the textbook ratio, which is ∞/∞ = NaN at |z| = 1000.
import * as np from "np";
import type { NDArray } from "np";

export function tanhDerivative(z: NDArray): NDArray {
  const ez = np.exp(z);
  const emz = np.exp(np.negative(z));
  const a = np.divide(np.subtract(ez, emz), np.add(ez, emz));
  return np.subtract(1, np.square(a));
}
