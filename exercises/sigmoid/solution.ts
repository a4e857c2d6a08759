// Reference solution: a numerically stable sigmoid.
import * as np from "np";

export function sigmoid(z: np.NDArray): np.NDArray {
  // e^{-|z|} is in (0, 1] for every z, so neither branch can overflow.
  const e = np.exp(np.negative(np.abs(z)));
  return np.where(np.greater_equal(z, 0), np.divide(1, np.add(1, e)), np.divide(e, np.add(1, e)));
}
