// A zero-size array with a huge shape: no number to copy, but a billion lists once the host
// expands it for a verdict. Refused inside the isolate as over the shape budget.
import * as np from "np";
export function f() {
  return np.zeros([1000000000, 0]);
}

// No dimension over its budget, but together they expand to 4 million lists.
export function g() {
  return np.zeros([2000, 2000, 0]);
}
