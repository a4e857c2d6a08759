import * as np from "np";
import type { NDArray } from "np";

/**
 * The derivative of ReLU: 0 where z < 0, 1 where z > 0 (at z = 0, either 0 or 1).
 * z: an array of any shape. Returns an array of the same shape.
 *
 * ReLU 의 도함수: z < 0 이면 0, z > 0 이면 1 (z = 0 에서는 0 이든 1 이든).
 * z: 모양이 자유로운 배열. 같은 모양의 배열을 돌려줍니다.
 */
export function reluDerivative(z: NDArray): NDArray {
  // TODO: return 1 where z is positive and 0 where it is negative.
  // 할 일: z 가 양수인 곳은 1, 음수인 곳은 0 을 돌려주세요.
  return np.full(z.shape, 0.5);
}
