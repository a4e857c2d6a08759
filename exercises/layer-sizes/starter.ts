import type { NDArray } from "np";

/**
 * The layer sizes of a one-hidden-layer network for this data.
 * X: the inputs (nX, m), one example per column. Y: the labels (nY, m).
 * Returns nX = n[0] (input units), nH = n[1] (hidden units, 4 here) and nY = n[2] (output units).
 *
 * 이 데이터에 맞는 은닉층 하나짜리 신경망의 층 크기.
 * X: 입력 (nX, m), 열 하나가 예제 하나. Y: 레이블 (nY, m).
 * nX = n[0] (입력 유닛), nH = n[1] (은닉 유닛, 여기서는 4), nY = n[2] (출력 유닛) 을 돌려줍니다.
 */
export function layerSizes(X: NDArray, Y: NDArray): { nX: number; nH: number; nY: number } {
  // TODO: read nX and nY from the shapes of X and Y.
  // 할 일: X 와 Y 의 모양에서 nX 와 nY 를 읽으세요.
  return { nX: 0, nH: 0, nY: 0 };
}
