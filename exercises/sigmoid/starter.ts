import * as np from "np";

/**
 * The sigmoid σ(z) = 1 / (1 + e^{-z}), elementwise.
 * z: an array of any shape. Returns an array of the same shape with values in (0, 1).
 *
 * 시그모이드 σ(z) = 1 / (1 + e^{-z}), 원소별.
 * z: 모양이 자유로운 배열. 값이 (0, 1) 에 있는 같은 모양의 배열을 돌려줍니다.
 */
export function sigmoid(z: np.NDArray): np.NDArray {
  // TODO: compute σ(z) without producing NaN or Infinity, even for z = ±1000.
  // 할 일: z = ±1000 에서도 NaN 이나 Infinity 없이 σ(z) 를 구하세요.
  return np.zeros(z.shape);
}
