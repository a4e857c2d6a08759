// Mistake: z(1 − z); the formula a(1 − a) is in terms of the activation a = σ(z), not z.
import * as np from "np";
import type { NDArray } from "np";

export function sigmoidDerivative(z: NDArray): NDArray {
  return np.multiply(z, np.subtract(1, z));
}
