// Norms as square roots of dot products: ‖v‖ = √(vᵀv).
import * as np from "np";
import type { NDArray } from "np";

export function gradientCheck(J: (theta: NDArray) => number, theta: NDArray, grad: NDArray, epsilon = 1e-7): number {
  const n = theta.size;
  const flat = theta.reshape([n, 1]);
  const columns: number[] = [];
  for (let i = 0; i < n; i++) {
    const step = np.where(np.equal(np.arange(n).reshape([n, 1]), i), epsilon, 0);
    columns.push((J(flat.add(step).reshape(theta.shape)) - J(flat.sub(step).reshape(theta.shape))) / (2 * epsilon));
  }
  const g = grad.reshape([n, 1]);
  const approx = np.array(columns).reshape([n, 1]);
  const norm = (v: NDArray): number => Math.sqrt(np.dot(v.T, v).item());
  return norm(g.sub(approx)) / (norm(g) + norm(approx));
}
