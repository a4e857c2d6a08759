// db as a mean over the examples, products with np.matmul, tanh' from Z1 instead of A1.
import * as np from "np";

export function backwardPropagation(
  parameters: { W1: np.NDArray; b1: np.NDArray; W2: np.NDArray; b2: np.NDArray },
  cache: { Z1: np.NDArray; A1: np.NDArray; Z2: np.NDArray; A2: np.NDArray },
  X: np.NDArray,
  Y: np.NDArray,
) {
  const m = X.shape[1] ?? 1;
  const dZ2 = np.subtract(cache.A2, Y);
  const db2 = np.mean(dZ2, { axis: 1, keepdims: true });
  const dW2 = np.divide(np.matmul(dZ2, np.transpose(cache.A1)), m);
  const tanhPrime = np.subtract(1, np.square(np.tanh(cache.Z1)));
  const dZ1 = np.multiply(np.matmul(np.transpose(parameters.W2), dZ2), tanhPrime);
  const db1 = np.mean(dZ1, { axis: 1, keepdims: true });
  const dW1 = np.divide(np.matmul(dZ1, np.transpose(X)), m);
  return { dW1, db1, dW2, db2 };
}
