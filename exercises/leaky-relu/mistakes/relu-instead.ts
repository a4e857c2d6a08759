// Mistake: plain ReLU; negative entries become 0 instead of alpha · z.
import * as np from "np";
import type { NDArray } from "np";

export function leakyRelu(z: NDArray, alpha = 0.01): NDArray {
  void alpha;
  return np.maximum(0, z);
}
