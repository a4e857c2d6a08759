// Choose z or 0 per entry.
import * as np from "np";
import type { NDArray } from "np";

export function relu(z: NDArray): NDArray {
  return np.where(np.greater(z, 0), z, 0);
}
