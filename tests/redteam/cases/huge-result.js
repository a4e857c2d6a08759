// A result far bigger than any grading array: refused inside the isolate, not shipped to the host.
import * as np from "np";
export function f() {
  return np.ones([10_000_000]);
}
