// np.tanh itself: numpy's tanh saturates at ±1 instead of overflowing.
import * as np from "np";
import type { NDArray } from "np";

export function tanh(z: NDArray): NDArray {
  return np.tanh(z);
}
