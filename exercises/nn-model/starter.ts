import * as np from "np";
import type { NDArray } from "np";

interface Parameters {
  W1: NDArray;
  b1: NDArray;
  W2: NDArray;
  b2: NDArray;
}

/**
 * Trains the one-hidden-layer network (tanh hidden layer with nH units, sigmoid output) on X (nX, m)
 * and Y (1, m) by gradient descent with learning rate 1.2, and returns the trained parameters.
 * Write every helper you need in this file: sigmoid, initialization, forward and backward
 * propagation, the parameter update.
 */
export function nnModel(X: NDArray, Y: NDArray, nH: number, numIterations = 10000): Parameters {
  const nX = X.shape[0] ?? 0;
  const nY = Y.shape[0] ?? 0;
  // TODO: initialize the parameters (randn * 0.01 weights, zero biases), then repeat numIterations times:
  //       forward propagation → backward propagation → update with learning rate 1.2.
  void numIterations;
  return { W1: np.zeros([nH, nX]), b1: np.zeros([nH, 1]), W2: np.zeros([nY, nH]), b2: np.zeros([nY, 1]) };
}
