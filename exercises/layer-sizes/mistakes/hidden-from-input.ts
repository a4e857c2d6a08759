// Mistake: the hidden layer size is a choice of ours (4), not something read off the data.
import type { NDArray } from "np";

export function layerSizes(X: NDArray, Y: NDArray): { nX: number; nH: number; nY: number } {
  const nX = X.shape[0] ?? 0;
  return { nX, nH: nX, nY: Y.shape[0] ?? 0 };
}
