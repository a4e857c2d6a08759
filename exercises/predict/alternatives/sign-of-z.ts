// σ(z) > 0.5 exactly when z > 0, so the sigmoid can be skipped.
import * as np from "np";
import type { NDArray } from "np";

export function predict(parameters: { W1: NDArray; b1: NDArray; W2: NDArray; b2: NDArray }, X: NDArray): NDArray {
  const A1 = np.tanh(parameters.W1.dot(X).add(parameters.b1));
  const Z2 = parameters.W2.dot(A1).add(parameters.b2);
  return np.where(np.greater(Z2, 0), 1, 0);
}
