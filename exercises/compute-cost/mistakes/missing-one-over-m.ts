// Mistake: the sum of the losses, not their average.
import * as np from "np";
import type { NDArray } from "np";

export function computeCost(A2: NDArray, Y: NDArray): number {
  const logprobs = np.add(np.multiply(Y, np.log(A2)), np.multiply(np.subtract(1, Y), np.log(np.subtract(1, A2))));
  return -np.sum(logprobs);
}
