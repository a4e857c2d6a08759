import * as np from "np";
import type { NDArray } from "np";

interface Parameters {
  W1: NDArray;
  b1: NDArray;
  W2: NDArray;
  b2: NDArray;
}

/**
 * Class predictions of the trained network: 1 where the output probability A2 > 0.5, else 0.
 * X: (nX, m). Returns a (1, m) array of 0s and 1s.
 */
export function predict(parameters: Parameters, X: NDArray): NDArray {
  // TODO: run forward propagation (tanh hidden layer, sigmoid output), then threshold A2 at 0.5.
  void parameters;
  return np.zeros([1, X.shape[1] ?? 0]);
}
