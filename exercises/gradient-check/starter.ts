import * as np from "np";
import type { NDArray } from "np";

/**
 * Gradient checking: compares an analytic gradient with centred finite differences of the cost.
 * J: the cost as a function of the parameter vector; theta: the parameters (n, 1);
 * grad: the gradient to check (n, 1). Returns ‖grad − gradapprox‖ / (‖grad‖ + ‖gradapprox‖).
 */
export function gradientCheck(J: (theta: NDArray) => number, theta: NDArray, grad: NDArray, epsilon = 1e-7): number {
  const n = theta.size;
  // TODO: for each i, gradapprox[i] = (J(θ + ε·e_i) − J(θ − ε·e_i)) / (2ε), then the relative difference.
  const gradapprox = np.zeros([n, 1]);
  void J;
  void epsilon;
  return np.linalg.norm(np.subtract(grad, gradapprox));
}
