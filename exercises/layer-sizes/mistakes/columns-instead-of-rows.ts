// Mistake: shape[1] is m, the number of examples, not the number of features.
import type { NDArray } from "np";

export function layerSizes(X: NDArray, Y: NDArray): { nX: number; nH: number; nY: number } {
  return { nX: X.shape[1] ?? 0, nH: 4, nY: Y.shape[1] ?? 0 };
}
