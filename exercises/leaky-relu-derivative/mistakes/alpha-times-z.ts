// Mistake: alpha · z on the negative side is the function's value there, not its slope.
import * as np from "np";
import type { NDArray } from "np";

export function leakyReluDerivative(z: NDArray, alpha = 0.01): NDArray {
  return np.where(np.greater(z, 0), 1, np.multiply(alpha, z));
}
