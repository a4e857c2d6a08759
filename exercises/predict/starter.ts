import * as np from "np";
import type { NDArray } from "np";

interface Parameters {
  W1: NDArray;
  b1: NDArray;
  W2: NDArray;
  b2: NDArray;
}

/**
 * Class predictions of the trained network: 1 where the output probability A2 > 0.5, else 0.
 * X: (nX, m). Returns a (1, m) array of 0s and 1s.
 *
 * 학습된 신경망의 분류 예측: 출력 확률 A2 > 0.5 이면 1, 아니면 0.
 * X: (nX, m). 0 과 1 로 된 (1, m) 배열을 돌려줍니다.
 */
export function predict(parameters: Parameters, X: NDArray): NDArray {
  // TODO: run forward propagation (tanh hidden layer, sigmoid output), then threshold A2 at 0.5.
  // 할 일: 순전파 (은닉층 tanh, 출력층 시그모이드) 뒤 A2 를 0.5 에서 자르세요.
  void parameters;
  return np.zeros([1, X.shape[1] ?? 0]);
}
