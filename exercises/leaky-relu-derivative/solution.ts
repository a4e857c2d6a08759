// Reference solution: slope 1 on the positive side, alpha elsewhere (alpha at z = 0).
import * as np from "np";
import type { NDArray } from "np";

export function leakyReluDerivative(z: NDArray, alpha = 0.01): NDArray {
  return np.where(np.greater(z, 0), 1, alpha);
}
