// Mistake: a (1, 1) array instead of a number (the sum kept its axes).
import * as np from "np";
import type { NDArray } from "np";

export function computeCost(A2: NDArray, Y: NDArray): number {
  const m = Y.shape[1] ?? 1;
  const logprobs = np.add(np.multiply(Y, np.log(A2)), np.multiply(np.subtract(1, Y), np.log(np.subtract(1, A2))));
  const cost = np.sum(logprobs, { axis: 1, keepdims: true }).mul(-1 / m);
  return cost as unknown as number;
}
