// Reference solution: centred differences one coordinate at a time, then the relative difference.
import * as np from "np";
import type { NDArray } from "np";

export function gradientCheck(J: (theta: NDArray) => number, theta: NDArray, grad: NDArray, epsilon = 1e-7): number {
  const n = theta.size;
  const approx: number[] = [];
  for (let i = 0; i < n; i++) {
    // e_i: 1 at coordinate i, 0 elsewhere, with theta's shape.
    const e = np.reshape(np.equal(np.arange(n), i), theta.shape);
    const plus = J(np.add(theta, np.multiply(epsilon, e)));
    const minus = J(np.subtract(theta, np.multiply(epsilon, e)));
    approx.push((plus - minus) / (2 * epsilon));
  }
  const gradapprox = np.reshape(np.array(approx), grad.shape);
  const numerator = np.linalg.norm(np.subtract(grad, gradapprox));
  const denominator = np.linalg.norm(grad) + np.linalg.norm(gradapprox);
  return numerator / denominator;
}
