import type { NDArray } from "np";

/**
 * The layer sizes of a one-hidden-layer network for this data.
 * X: the inputs (nX, m), one example per column. Y: the labels (nY, m).
 * Returns nX = n[0] (input units), nH = n[1] (hidden units, 4 here) and nY = n[2] (output units).
 */
export function layerSizes(X: NDArray, Y: NDArray): { nX: number; nH: number; nY: number } {
  // TODO: read nX and nY from the shapes of X and Y.
  return { nX: 0, nH: 0, nY: 0 };
}
