// The two stable forms written out with explicit masks instead of np.where.
import * as np from "np";

export function sigmoid(z: np.NDArray): np.NDArray {
  const positive = np.greater_equal(z, 0);
  const negative = np.less(z, 0);
  // Clip the exponent so that the branch not selected cannot overflow either.
  const fromPositive = np.divide(1, np.add(1, np.exp(np.negative(np.maximum(z, 0)))));
  const ez = np.exp(np.minimum(z, 0));
  const fromNegative = np.divide(ez, np.add(1, ez));
  return np.add(np.multiply(positive, fromPositive), np.multiply(negative, fromNegative));
}
