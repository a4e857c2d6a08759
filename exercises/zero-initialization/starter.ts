import * as np from "np";
import type { NDArray } from "np";

/**
 * Zero initialization (to see why it fails): W1 (nH, nX), b1 (nH, 1), W2 (nY, nH), b2 (nY, 1), all zeros.
 *
 * 0 초기화 (왜 실패하는지 보려고): W1 (nH, nX), b1 (nH, 1), W2 (nY, nH), b2 (nY, 1) 모두 0.
 */
export function initializeParametersZeros(nX: number, nH: number, nY: number): { W1: NDArray; b1: NDArray; W2: NDArray; b2: NDArray } {
  // TODO: return all-zero parameters with the right shapes.
  // 할 일: 올바른 모양의 0 매개변수를 돌려주세요.
  return { W1: np.ones([nH, nX]), b1: np.ones([nH, 1]), W2: np.ones([nY, nH]), b2: np.ones([nY, 1]) };
}
