// Reference solution: one gradient descent step on every parameter.
import * as np from "np";
import type { NDArray } from "np";

interface Parameters {
  W1: NDArray;
  b1: NDArray;
  W2: NDArray;
  b2: NDArray;
}

interface Grads {
  dW1: NDArray;
  db1: NDArray;
  dW2: NDArray;
  db2: NDArray;
}

export function updateParameters(parameters: Parameters, grads: Grads, learningRate = 1.2): Parameters {
  return {
    W1: np.subtract(parameters.W1, np.multiply(learningRate, grads.dW1)),
    b1: np.subtract(parameters.b1, np.multiply(learningRate, grads.db1)),
    W2: np.subtract(parameters.W2, np.multiply(learningRate, grads.dW2)),
    b2: np.subtract(parameters.b2, np.multiply(learningRate, grads.db2)),
  };
}
