// Mistake: the numerator is e^{−z} − e^{z}, which computes −tanh(z).
import * as np from "np";
import type { NDArray } from "np";

export function tanh(z: NDArray): NDArray {
  const t = np.exp(np.multiply(-2, np.abs(z)));
  return np.multiply(np.sign(z), np.divide(np.subtract(t, 1), np.add(1, t)));
}
