import * as np from "np";
import type { NDArray } from "np";

interface Parameters {
  W1: NDArray;
  b1: NDArray;
  W2: NDArray;
  b2: NDArray;
}

interface Cache {
  Z1: NDArray;
  A1: NDArray;
  Z2: NDArray;
  A2: NDArray;
}

/**
 * Forward propagation of the one-hidden-layer network (tanh hidden layer, sigmoid output).
 * X: (nX, m), one example per column. Returns A2 (1, m) and the cache { Z1, A1, Z2, A2 }
 * that backpropagation will need.
 *
 * 은닉층 하나짜리 신경망의 순전파 (은닉층 tanh, 출력층 시그모이드).
 * X: (nX, m), 열 하나가 예제 하나. A2 (1, m) 와, 역전파에 필요한 cache { Z1, A1, Z2, A2 } 를
 * 돌려줍니다.
 */
export function forwardPropagation(X: NDArray, parameters: Parameters): { A2: NDArray; cache: Cache } {
  const { W1, b1, W2, b2 } = parameters;
  // TODO: Z1 = W1·X + b1, A1 = tanh(Z1), Z2 = W2·A1 + b2, A2 = σ(Z2).
  // 할 일: Z1 = W1·X + b1, A1 = tanh(Z1), Z2 = W2·A1 + b2, A2 = σ(Z2).
  const m = X.shape[1] ?? 0;
  const Z1 = np.zeros([W1.shape[0] ?? 0, m]);
  const A1 = np.zeros([W1.shape[0] ?? 0, m]);
  const Z2 = np.zeros([W2.shape[0] ?? 0, m]);
  const A2 = np.zeros([W2.shape[0] ?? 0, m]);
  void b1;
  void b2;
  return { A2, cache: { Z1, A1, Z2, A2 } };
}
