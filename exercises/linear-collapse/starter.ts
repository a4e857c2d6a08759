import * as np from "np";
import type { NDArray } from "np";

/**
 * Two layers with the identity activation, a[1] = W1·x + b1 and a[2] = W2·a[1] + b2,
 * compute the same function as one linear layer W·x + b. Return that W and b.
 * W1 (n1, n0), b1 (n1, 1), W2 (n2, n1), b2 (n2, 1) → W (n2, n0), b (n2, 1).
 *
 * 항등 활성화 함수를 쓰는 두 층 a[1] = W1·x + b1, a[2] = W2·a[1] + b2 는
 * 선형 층 하나 W·x + b 와 같은 함수입니다. 그 W 와 b 를 돌려주세요.
 */
export function collapseLinear(W1: NDArray, b1: NDArray, W2: NDArray, b2: NDArray): { W: NDArray; b: NDArray } {
  // TODO: substitute a[1] into a[2] and read off W and b.
  // 할 일: a[1] 을 a[2] 에 대입해 W 와 b 를 읽어 내세요.
  return { W: np.zeros([W2.shape[0] ?? 1, W1.shape[1] ?? 1]), b: np.zeros([W2.shape[0] ?? 1, 1]) };
}
