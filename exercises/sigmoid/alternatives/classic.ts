// The textbook form. In float64, e^{1000} is Infinity and 1 / (1 + Infinity) is exactly 0,
// so this form is still right at z = -1000 (numpy warns about the overflow but returns 0).
import * as np from "np";

export function sigmoid(z: np.NDArray): np.NDArray {
  return np.divide(1, np.add(1, np.exp(np.negative(z))));
}
