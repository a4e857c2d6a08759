import * as np from "np";
import type { NDArray } from "np";

/**
 * The derivative of tanh, g'(z) = 1 − tanh(z)², elementwise.
 * z: an array of any shape. Returns an array of the same shape.
 *
 * tanh 의 도함수 g'(z) = 1 − tanh(z)², 원소별.
 * z: 모양이 자유로운 배열. 같은 모양의 배열을 돌려줍니다.
 */
export function tanhDerivative(z: NDArray): NDArray {
  // TODO: compute a = tanh(z), then 1 − a².
  // 할 일: a = tanh(z) 를 구한 뒤 1 − a².
  return np.zeros(z.shape);
}
