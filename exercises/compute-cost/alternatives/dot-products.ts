// Dot products instead of elementwise sums: Y·log(A2)ᵀ is (1, 1), read out with item().
import * as np from "np";
import type { NDArray } from "np";

export function computeCost(A2: NDArray, Y: NDArray): number {
  const m = Y.shape[1] ?? 1;
  const positive = np.dot(Y, np.log(A2).T);
  const negative = np.dot(np.subtract(1, Y), np.log(np.subtract(1, A2)).T);
  return -(positive.item() + negative.item()) / m;
}
