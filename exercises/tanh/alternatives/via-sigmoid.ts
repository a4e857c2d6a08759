// tanh(z) = 2σ(2z) − 1 with a stable sigmoid (chosen per sign with np.where).
import * as np from "np";
import type { NDArray } from "np";

export function tanh(z: NDArray): NDArray {
  const u = np.multiply(2, z);
  const e = np.exp(np.negative(np.abs(u)));
  const s = np.where(np.greater_equal(u, 0), np.divide(1, np.add(1, e)), np.divide(e, np.add(1, e)));
  return np.subtract(np.multiply(2, s), 1);
}
