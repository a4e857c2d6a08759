// The same gradients with NDArray methods, dividing by m instead of multiplying by 1/m.
import * as np from "np";

export function backwardPropagation(
  parameters: { W1: np.NDArray; b1: np.NDArray; W2: np.NDArray; b2: np.NDArray },
  cache: { Z1: np.NDArray; A1: np.NDArray; Z2: np.NDArray; A2: np.NDArray },
  X: np.NDArray,
  Y: np.NDArray,
) {
  const m = X.shape[1] ?? 1;
  const dZ2 = cache.A2.sub(Y);
  const dW2 = dZ2.dot(cache.A1.T).div(m);
  const db2 = dZ2.sum({ axis: 1, keepdims: true }).div(m);
  const dZ1 = parameters.W2.T.dot(dZ2).mul(np.subtract(1, cache.A1.mul(cache.A1)));
  const dW1 = dZ1.dot(X.T).div(m);
  const db1 = dZ1.sum({ axis: 1, keepdims: true }).div(m);
  return { dW1, db1, dW2, db2 };
}
