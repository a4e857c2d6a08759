import * as np from "np";
import type { NDArray } from "np";

/**
 * The rectified linear unit ReLU(z) = max(0, z), elementwise.
 * z: an array of any shape. Returns an array of the same shape.
 *
 * 정류 선형 유닛 ReLU(z) = max(0, z), 원소별.
 * z: 모양이 자유로운 배열. 같은 모양의 배열을 돌려줍니다.
 */
export function relu(z: NDArray): NDArray {
  // TODO: keep the positive entries of z and replace the negative ones by 0.
  // 할 일: z 의 양수 원소는 그대로, 음수 원소는 0 으로 바꾸세요.
  return np.zeros(z.shape);
}
