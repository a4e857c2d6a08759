// Mistake: W1·W2 instead of W2·W1 (matrix products do not commute; the shapes only fit when square).
import * as np from "np";
import type { NDArray } from "np";

export function collapseLinear(W1: NDArray, b1: NDArray, W2: NDArray, b2: NDArray): { W: NDArray; b: NDArray } {
  return { W: np.dot(W1, W2), b: np.add(np.dot(W2, b1), b2) };
}
