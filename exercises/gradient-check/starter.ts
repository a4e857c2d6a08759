import * as np from "np";
import type { NDArray } from "np";

/**
 * Gradient checking: compares an analytic gradient with centred finite differences of the cost.
 * J: the cost as a function of the parameter vector; theta: the parameters (n, 1);
 * grad: the gradient to check (n, 1). Returns ‖grad − gradapprox‖ / (‖grad‖ + ‖gradapprox‖).
 *
 * 기울기 검사: 해석적 기울기를 비용의 중앙 차분과 비교합니다.
 * J: 매개변수 벡터의 함수인 비용, theta: 매개변수 (n, 1),
 * grad: 검사할 기울기 (n, 1). ‖grad − gradapprox‖ / (‖grad‖ + ‖gradapprox‖) 를 돌려줍니다.
 */
export function gradientCheck(J: (theta: NDArray) => number, theta: NDArray, grad: NDArray, epsilon = 1e-7): number {
  const n = theta.size;
  // TODO: for each i, gradapprox[i] = (J(θ + ε·e_i) − J(θ − ε·e_i)) / (2ε), then the relative difference.
  // 할 일: i 마다 gradapprox[i] = (J(θ + ε·e_i) − J(θ − ε·e_i)) / (2ε), 그다음 상대 차이.
  const gradapprox = np.zeros([n, 1]);
  void J;
  void epsilon;
  return np.linalg.norm(np.subtract(grad, gradapprox));
}
