// np methods patched: the learner only changes its own results, never the host's.
import * as np from "np";
np.NDArray.prototype.toString = () => "fake";
np.NDArray.prototype.toArray = () => [1];
export function f(x) {
  console.log(x);
  return np.multiply(x, 2);
}
