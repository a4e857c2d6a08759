// alpha + (1 − alpha) · [z > 0]: alpha everywhere, lifted to 1 on the positive side.
import * as np from "np";
import type { NDArray } from "np";

export function leakyReluDerivative(z: NDArray, alpha = 0.01): NDArray {
  return np.greater(z, 0).mul(1 - alpha).add(alpha);
}
