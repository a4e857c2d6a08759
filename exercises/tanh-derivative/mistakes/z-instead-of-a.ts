// Mistake: 1 − z²; the formula is in terms of the activation a = tanh(z).
import * as np from "np";
import type { NDArray } from "np";

export function tanhDerivative(z: NDArray): NDArray {
  return np.subtract(1, np.square(z));
}
