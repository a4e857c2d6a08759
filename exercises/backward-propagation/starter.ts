import * as np from "np";

interface Parameters { W1: np.NDArray; b1: np.NDArray; W2: np.NDArray; b2: np.NDArray }
interface Cache { Z1: np.NDArray; A1: np.NDArray; Z2: np.NDArray; A2: np.NDArray }

/**
 * Gradients of the cost J with respect to W1, b1, W2, b2.
 * Hidden layer: tanh. Output layer: sigmoid. X: (n_x, m), Y: (1, m).
 *
 * 비용 J 의 W1, b1, W2, b2 에 대한 기울기.
 * 은닉층: tanh, 출력층: 시그모이드. X: (n_x, m), Y: (1, m).
 */
export function backwardPropagation(parameters: Parameters, cache: Cache, X: np.NDArray, Y: np.NDArray) {
  const m = X.shape[1] ?? 1;
  const { W1, W2 } = parameters;
  const { A1, A2 } = cache;

  // TODO: output layer
  // 할 일: 출력층
  const dZ2 = np.subtract(A2, Y);
  const dW2 = np.zeros(W2.shape);
  const db2 = np.zeros([1, 1]);

  // TODO: hidden layer (tanh)
  // 할 일: 은닉층 (tanh)
  const dW1 = np.zeros(W1.shape);
  const db1 = np.zeros([W1.shape[0] ?? 1, 1]);

  void m;
  void A1;
  void dZ2;
  return { dW1, db1, dW2, db2 };
}
