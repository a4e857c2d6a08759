import * as np from "np";
import type { NDArray } from "np";

/**
 * The derivative of the sigmoid, σ'(z) = σ(z)(1 − σ(z)), elementwise.
 * z: an array of any shape. Returns an array of the same shape.
 *
 * 시그모이드의 도함수 σ'(z) = σ(z)(1 − σ(z)), 원소별.
 * z: 모양이 자유로운 배열. 같은 모양의 배열을 돌려줍니다.
 */
export function sigmoidDerivative(z: NDArray): NDArray {
  // TODO: compute a = σ(z) (stably), then a · (1 − a).
  // 할 일: a = σ(z) 를 (안정적으로) 구한 뒤 a · (1 − a).
  return np.zeros(z.shape);
}
