import * as np from "np";
import type { NDArray } from "np";

/**
 * The cross-entropy cost J = −(1/m) Σ [ y log a + (1 − y) log(1 − a) ].
 * A2: the predicted probabilities (1, m); Y: the true labels (1, m). Returns a plain number.
 *
 * 교차 엔트로피 비용 J = −(1/m) Σ [ y log a + (1 − y) log(1 − a) ].
 * A2: 예측 확률 (1, m), Y: 정답 레이블 (1, m). 보통의 숫자 하나를 돌려줍니다.
 */
export function computeCost(A2: NDArray, Y: NDArray): number {
  const m = Y.shape[1] ?? 1;
  // TODO: the per-example terms y·log(a) + (1 − y)·log(1 − a), a (1, m) array.
  // 할 일: 예제마다의 항 y·log(a) + (1 − y)·log(1 − a), (1, m) 배열.
  const logprobs = np.zeros(A2.shape);
  return -np.sum(logprobs) / m;
}
