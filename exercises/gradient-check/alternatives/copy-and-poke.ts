// numpy's thetaplus = np.copy(theta); thetaplus[i] += epsilon, written with copy() and the data buffer.
import * as np from "np";
import type { NDArray } from "np";

export function gradientCheck(J: (theta: NDArray) => number, theta: NDArray, grad: NDArray, epsilon = 1e-7): number {
  const gradapprox = np.zeros(theta.shape);
  for (let i = 0; i < theta.size; i++) {
    const thetaPlus = theta.copy();
    thetaPlus.data[i] = (thetaPlus.data[i] ?? 0) + epsilon;
    const thetaMinus = theta.copy();
    thetaMinus.data[i] = (thetaMinus.data[i] ?? 0) - epsilon;
    gradapprox.data[i] = (J(thetaPlus) - J(thetaMinus)) / (2 * epsilon);
  }
  const difference = grad.sub(gradapprox);
  return Math.sqrt(np.sum(np.square(difference))) / (Math.sqrt(np.sum(np.square(grad))) + Math.sqrt(np.sum(np.square(gradapprox))));
}
