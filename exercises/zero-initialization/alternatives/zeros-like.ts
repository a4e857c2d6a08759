// np.full with 0 and a shared helper.
import * as np from "np";
import type { NDArray } from "np";

export function initializeParametersZeros(nX: number, nH: number, nY: number): { W1: NDArray; b1: NDArray; W2: NDArray; b2: NDArray } {
  const zeros = (rows: number, cols: number): NDArray => np.full([rows, cols], 0);
  return { W1: zeros(nH, nX), b1: zeros(nH, 1), W2: zeros(nY, nH), b2: zeros(nY, 1) };
}
