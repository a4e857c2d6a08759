// Destructure the shapes.
import type { NDArray } from "np";

export function layerSizes(X: NDArray, Y: NDArray): { nX: number; nH: number; nY: number } {
  const [nX = 0] = X.shape;
  const [nY = 0] = Y.shape;
  const nH = 4;
  return { nX, nH, nY };
}
