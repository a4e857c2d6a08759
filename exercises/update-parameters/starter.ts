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

/**
 * One step of gradient descent: θ := θ − learningRate · dθ for every parameter.
 * Returns new parameters with the same shapes.
 *
 * 경사 하강법 한 걸음: 모든 매개변수에 θ := θ − learningRate · dθ.
 * 같은 모양의 새 매개변수를 돌려줍니다.
 */
export function updateParameters(parameters: Parameters, grads: Grads, learningRate = 1.2): Parameters {
  // TODO: move every parameter a step against its gradient.
  // 할 일: 모든 매개변수를 기울기의 반대 방향으로 한 걸음 옮기세요.
  void grads;
  void learningRate;
  void np;
  return { W1: parameters.W1.copy(), b1: parameters.b1.copy(), W2: parameters.W2.copy(), b2: parameters.b2.copy() };
}
