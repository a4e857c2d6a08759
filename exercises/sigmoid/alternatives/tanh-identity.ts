// σ(z) = (1 + tanh(z / 2)) / 2: tanh saturates at ±1 instead of overflowing.
import * as np from "np";

export function sigmoid(z: np.NDArray): np.NDArray {
  return np.multiply(0.5, np.add(1, np.tanh(np.divide(z, 2))));
}
