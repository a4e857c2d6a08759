import * as np from "np";
import type { NDArray } from "np";

/**
 * The hyperbolic tangent tanh(z) = (e^z − e^{−z}) / (e^z + e^{−z}), elementwise.
 * z: an array of any shape. Returns an array of the same shape with values in (−1, 1).
 *
 * 쌍곡탄젠트 tanh(z) = (e^z − e^{−z}) / (e^z + e^{−z}), 원소별.
 * z: 모양이 자유로운 배열. 값이 (−1, 1) 에 있는 같은 모양의 배열을 돌려줍니다.
 */
export function tanh(z: NDArray): NDArray {
  // TODO: compute tanh(z) from exponentials, without NaN or Infinity even for z = ±1000.
  // 할 일: z = ±1000 에서도 NaN 이나 Infinity 없이, 지수 함수로 tanh(z) 를 구하세요.
  return np.zeros(z.shape);
}
