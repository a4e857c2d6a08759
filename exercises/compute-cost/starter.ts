import * as np from "np";
import type { NDArray } from "np";

/**
 * The cross-entropy cost J = −(1/m) Σ [ y log a + (1 − y) log(1 − a) ].
 * A2: the predicted probabilities (1, m); Y: the true labels (1, m). Returns a plain number.
 */
export function computeCost(A2: NDArray, Y: NDArray): number {
  const m = Y.shape[1] ?? 1;
  // TODO: the per-example terms y·log(a) + (1 − y)·log(1 − a), a (1, m) array.
  const logprobs = np.zeros(A2.shape);
  return -np.sum(logprobs) / m;
}
