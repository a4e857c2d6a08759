import * as np from "np";
import type { NDArray } from "np";

/**
 * The derivative of Leaky ReLU: alpha where z < 0, 1 where z > 0 (at z = 0, either).
 * z: an array of any shape; alpha: the slope for negative inputs. Returns an array of the same shape.
 *
 * Leaky ReLU 의 도함수: z < 0 이면 alpha, z > 0 이면 1 (z = 0 에서는 어느 쪽이든).
 * z: 모양이 자유로운 배열, alpha: 음수 입력의 기울기. 같은 모양의 배열을 돌려줍니다.
 */
export function leakyReluDerivative(z: NDArray, alpha = 0.01): NDArray {
  // TODO: 1 where z is positive, alpha where it is negative.
  // 할 일: z 가 양수인 곳은 1, 음수인 곳은 alpha.
  return np.zeros(z.shape);
}
