import * as np from "np";
export function f() {
  return np.log(np.array([-1, 0, 1]));
}
