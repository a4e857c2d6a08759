// A returned array whose shape lies about its data.
import * as np from "np";
export function f() {
  const a = np.zeros([2, 2]);
  Object.defineProperty(a, "shape", { value: [3] });
  return a;
}
