// Mistake: the sigmoid instead of tanh (range (0, 1) instead of (−1, 1)).
import * as np from "np";
import type { NDArray } from "np";

export function tanh(z: NDArray): NDArray {
  return np.divide(1, np.add(1, np.exp(np.negative(z))));
}
