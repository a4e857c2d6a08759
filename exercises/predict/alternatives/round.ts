// np.round(A2): numpy rounds 0.5 to the even 0, which agrees with A2 > 0.5.
import * as np from "np";
import type { NDArray } from "np";

export function predict(parameters: { W1: NDArray; b1: NDArray; W2: NDArray; b2: NDArray }, X: NDArray): NDArray {
  const A1 = np.tanh(np.add(np.dot(parameters.W1, X), parameters.b1));
  const A2 = np.divide(1, np.add(1, np.exp(np.negative(np.add(np.dot(parameters.W2, A1), parameters.b2)))));
  return np.round(A2);
}
