// Mistake: tanh instead of the sigmoid (range (-1, 1) instead of (0, 1)).
import * as np from "np";

export function sigmoid(z: np.NDArray): np.NDArray {
  return np.tanh(z);
}
