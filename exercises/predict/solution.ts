// Reference solution: forward propagation, then the 0.5 threshold.
import * as np from "np";
import type { NDArray } from "np";

interface Parameters {
  W1: NDArray;
  b1: NDArray;
  W2: NDArray;
  b2: NDArray;
}

function sigmoid(z: NDArray): NDArray {
  const e = np.exp(np.negative(np.abs(z)));
  return np.where(np.greater_equal(z, 0), np.divide(1, np.add(1, e)), np.divide(e, np.add(1, e)));
}

function outputProbabilities(parameters: Parameters, X: NDArray): NDArray {
  const A1 = np.tanh(np.add(np.dot(parameters.W1, X), parameters.b1));
  return sigmoid(np.add(np.dot(parameters.W2, A1), parameters.b2));
}

export function predict(parameters: Parameters, X: NDArray): NDArray {
  return np.greater(outputProbabilities(parameters, X), 0.5);
}
