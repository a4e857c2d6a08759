// Mistake: randn * 10; the activations saturate at once and gradient descent crawls.
import * as np from "np";
import type { NDArray } from "np";

export function initializeParameters(nX: number, nH: number, nY: number): { W1: NDArray; b1: NDArray; W2: NDArray; b2: NDArray } {
  const W1 = np.multiply(np.random.randn(nH, nX), 10);
  const W2 = np.multiply(np.random.randn(nY, nH), 10);
  return { W1, b1: np.zeros([nH, 1]), W2, b2: np.zeros([nY, 1]) };
}
