// np.mean instead of sum / m.
import * as np from "np";
import type { NDArray } from "np";

export function computeCost(A2: NDArray, Y: NDArray): number {
  const losses = Y.mul(np.log(A2)).add(np.subtract(1, Y).mul(np.log(np.subtract(1, A2))));
  return -np.mean(losses);
}
