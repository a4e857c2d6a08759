// Mistake: thresholds Z2 at 0.5; A2 > 0.5 corresponds to Z2 > 0, not Z2 > 0.5.
import * as np from "np";
import type { NDArray } from "np";

interface Parameters {
  W1: NDArray;
  b1: NDArray;
  W2: NDArray;
  b2: NDArray;
}


export function predict(parameters: Parameters, X: NDArray): NDArray {
  const A1 = np.tanh(np.add(np.dot(parameters.W1, X), parameters.b1));
  const Z2 = np.add(np.dot(parameters.W2, A1), parameters.b2);
  return np.greater(Z2, 0.5);
}
