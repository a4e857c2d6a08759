// Reference solution: small random weights break the symmetry; biases may start at zero.
import * as np from "np";
import type { NDArray } from "np";

export function initializeParameters(nX: number, nH: number, nY: number): { W1: NDArray; b1: NDArray; W2: NDArray; b2: NDArray } {
  const W1 = np.multiply(np.random.randn(nH, nX), 0.01);
  const b1 = np.zeros([nH, 1]);
  const W2 = np.multiply(np.random.randn(nY, nH), 0.01);
  const b2 = np.zeros([nY, 1]);
  return { W1, b1, W2, b2 };
}
