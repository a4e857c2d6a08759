// Mistake: only y log a; the examples with y = 0 then contribute nothing.
import * as np from "np";
import type { NDArray } from "np";

export function computeCost(A2: NDArray, Y: NDArray): number {
  const m = Y.shape[1] ?? 1;
  return -np.sum(np.multiply(Y, np.log(A2))) / m;
}
