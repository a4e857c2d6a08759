import * as np from "np";

/**
 * The sigmoid σ(z) = 1 / (1 + e^{-z}), elementwise.
 * z: an array of any shape. Returns an array of the same shape with values in (0, 1).
 */
export function sigmoid(z: np.NDArray): np.NDArray {
  // TODO: compute σ(z) without producing NaN or Infinity, even for z = ±1000.
  return np.zeros(z.shape);
}
