// Two 0/1 masks: z on the positive entries plus alpha · z on the others.
import * as np from "np";
import type { NDArray } from "np";

export function leakyRelu(z: NDArray, alpha = 0.01): NDArray {
  const positive = np.greater(z, 0);
  const negative = np.less_equal(z, 0);
  return z.mul(positive).add(z.mul(negative).mul(alpha));
}
