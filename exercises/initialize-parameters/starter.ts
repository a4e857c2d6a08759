import * as np from "np";
import type { NDArray } from "np";

/**
 * Random initialization of a one-hidden-layer network.
 * Returns W1 (nH, nX) and W2 (nY, nH) drawn with np.random.randn(...) * 0.01,
 * and zero biases b1 (nH, 1) and b2 (nY, 1).
 *
 * 은닉층 하나짜리 신경망의 무작위 초기화.
 * np.random.randn(...) * 0.01 로 뽑은 W1 (nH, nX), W2 (nY, nH) 와
 * 0 인 편향 b1 (nH, 1), b2 (nY, 1) 을 돌려줍니다.
 */
export function initializeParameters(nX: number, nH: number, nY: number): { W1: NDArray; b1: NDArray; W2: NDArray; b2: NDArray } {
  // TODO: small random weights, zero biases. All-zero weights are what this exercise is about avoiding.
  // 할 일: 작은 무작위 가중치, 0 편향. 가중치를 모두 0 으로 두지 않는 것이 이 문제의 요점입니다.
  return { W1: np.zeros([nH, nX]), b1: np.zeros([nH, 1]), W2: np.zeros([nY, nH]), b2: np.zeros([nY, 1]) };
}
