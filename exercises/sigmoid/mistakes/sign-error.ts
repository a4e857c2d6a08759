// Mistake: e^{z} instead of e^{-z}, which computes σ(-z) = 1 - σ(z).
import * as np from "np";

export function sigmoid(z: np.NDArray): np.NDArray {
  return np.divide(1, np.add(1, np.exp(z)));
}
