// Reference solution: the mean cross-entropy loss over the m examples.
import * as np from "np";
import type { NDArray } from "np";

export function computeCost(A2: NDArray, Y: NDArray): number {
  const m = Y.shape[1] ?? 1;
  const logprobs = np.add(np.multiply(Y, np.log(A2)), np.multiply(np.subtract(1, Y), np.log(np.subtract(1, A2))));
  return -np.sum(logprobs) / m;
}
