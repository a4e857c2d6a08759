// Mistake: dW2 = (1/m)·dZ2·A2ᵀ, the typo of the notes (A2ᵀ for A1ᵀ).
import * as np from "np";

interface Parameters { W1: np.NDArray; b1: np.NDArray; W2: np.NDArray; b2: np.NDArray }
interface Cache { Z1: np.NDArray; A1: np.NDArray; Z2: np.NDArray; A2: np.NDArray }

export function backwardPropagation(parameters: Parameters, cache: Cache, X: np.NDArray, Y: np.NDArray) {
  const m = X.shape[1] ?? 1;
  const { W2 } = parameters;
  const { A1, A2 } = cache;
  const dZ2 = np.subtract(A2, Y);
  const dW2 = np.multiply(1 / m, np.dot(dZ2, A2.T));
  const db2 = np.multiply(1 / m, np.sum(dZ2, { axis: 1, keepdims: true }));
  const dZ1 = np.multiply(np.dot(W2.T, dZ2), np.subtract(1, np.power(A1, 2)));
  const dW1 = np.multiply(1 / m, np.dot(dZ1, X.T));
  const db1 = np.multiply(1 / m, np.sum(dZ1, { axis: 1, keepdims: true }));
  return { dW1, db1, dW2, db2 };
}
