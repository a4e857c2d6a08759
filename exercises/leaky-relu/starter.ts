import * as np from "np";
import type { NDArray } from "np";

/**
 * Leaky ReLU: z where z > 0, alpha · z elsewhere, elementwise.
 * z: an array of any shape; alpha: the slope for negative inputs (0 < alpha < 1).
 * Returns an array of the same shape.
 *
 * Leaky ReLU: 원소별로 z > 0 이면 z, 아니면 alpha · z.
 * z: 모양이 자유로운 배열, alpha: 음수 입력의 기울기 (0 < alpha < 1).
 * 같은 모양의 배열을 돌려줍니다.
 */
export function leakyRelu(z: NDArray, alpha = 0.01): NDArray {
  // TODO: like ReLU, but negative entries are multiplied by alpha instead of becoming 0.
  // 할 일: ReLU 와 같지만, 음수 원소는 0 이 되는 대신 alpha 를 곱합니다.
  return np.zeros(z.shape);
}
