// Numerical gradient checking (the course's gradient_check_n): compare analytic gradients
// with centred differences (J(θ + ε) − J(θ − ε)) / 2ε and report the relative difference
// ‖g − g̃‖ / (‖g‖ + ‖g̃‖), overall and per parameter, with the worst entry of each. The grader
// puts GradientCheckResult into verdicts, so it holds plain numbers only. Pure np, no Node
// APIs: it may run inside the sandbox's isolate.
import * as np from "../np/index";
import type { NDArray } from "../np/index";

/** The course's step: small enough for an O(ε²) truncation error, large enough for rounding. */
export const DEFAULT_EPSILON = 1e-7;

/** The course's verdict line: a difference above 2e-7 means the backward pass has a mistake. */
export const GRADIENT_CHECK_THRESHOLD = 2e-7;

/** How one parameter (or one vector) compares: its difference and its worst entry. */
export interface ParameterCheck {
  /** ‖g − g̃‖ / (‖g‖ + ‖g̃‖) over this parameter's entries (0 when both are zero). */
  difference: number;
  /** Index (one number per dimension) of the entry with the largest |g − g̃|. */
  worstIndex: number[];
  /** The analytic gradient at worstIndex. */
  analytic: number;
  /** The numerical gradient at worstIndex. */
  numerical: number;
}

/** The result of gradientCheck; perParameter is keyed by the gradient's name (dW1, db1, ...). */
export interface GradientCheckResult {
  /** The relative difference over every parameter's entries together. */
  difference: number;
  perParameter: { [gradientName: string]: ParameterCheck };
}

/** The check cannot run: a gradient is missing, misshapen or not finite, or the cost is not finite. */
export class GradientCheckError extends Error {
  override readonly name = "GradientCheckError";
}

/**
 * Centred-difference gradient of J at theta (same shape as theta). Each evaluation gets a
 * fresh copy of theta with one entry moved by ±epsilon, so a J that mutates or keeps its
 * argument cannot disturb the next evaluation.
 */
export function numericalGradient(J: (theta: NDArray) => number, theta: NDArray, epsilon = DEFAULT_EPSILON): NDArray {
  return namedNumericalGradient(J, theta, epsilon, "theta");
}

function namedNumericalGradient(J: (theta: NDArray) => number, theta: NDArray, epsilon: number, name: string): NDArray {
  const gradapprox = np.zeros(theta.shape);
  for (let i = 0; i < theta.size; i++) {
    const plus = finiteCost(J(perturbed(theta, i, epsilon)), name, theta, i);
    const minus = finiteCost(J(perturbed(theta, i, -epsilon)), name, theta, i);
    gradapprox.data[i] = (plus - minus) / (2 * epsilon);
  }
  return gradapprox;
}

/** Checks grad against the numerical gradient of J at theta (the course's vector form). */
export function gradientCheckVector(
  J: (theta: NDArray) => number,
  theta: NDArray,
  grad: NDArray,
  epsilon = DEFAULT_EPSILON,
): ParameterCheck {
  assertUsableGradient("grad", grad, "theta", theta);
  return compare(theta.shape, grad.data, numericalGradient(J, theta, epsilon).data);
}

/**
 * Checks a dictionary of gradients against the numerical gradients of costOf at params.
 * The gradient of parameter `W1` is looked up as grads["dW1"] (the course's naming), else
 * grads["W1"]; every parameter needs one, of the parameter's exact shape (a gradient that
 * would only broadcast is a mistake this check refuses to paper over).
 */
export function gradientCheck<P extends Record<string, NDArray>>(
  costOf: (params: P) => number,
  params: P,
  grads: Readonly<Record<string, NDArray>>,
  options: { epsilon?: number } = {},
): GradientCheckResult {
  const epsilon = options.epsilon ?? DEFAULT_EPSILON;
  const perParameter: { [gradientName: string]: ParameterCheck } = {};
  const allAnalytic: number[] = [];
  const allNumerical: number[] = [];
  for (const name of Object.keys(params)) {
    const value = params[name]!;
    const gradName = `d${name}` in grads ? `d${name}` : name;
    const grad = grads[gradName];
    if (grad === undefined) throw new GradientCheckError(`no gradient for parameter ${name} (expected d${name})`);
    assertUsableGradient(gradName, grad, name, value);
    const costAt = (moved: NDArray): number => costOf({ ...params, [name]: moved });
    const numerical = namedNumericalGradient(costAt, value, epsilon, name);
    perParameter[gradName] = compare(value.shape, grad.data, numerical.data);
    allAnalytic.push(...grad.data);
    allNumerical.push(...numerical.data);
  }
  return { difference: relativeDifference(allAnalytic, allNumerical), perParameter };
}

/** ‖g − g̃‖ / (‖g‖ + ‖g̃‖); 0 when both are zero (they agree). */
export function relativeDifference(analytic: ArrayLike<number>, numerical: ArrayLike<number>): number {
  let diff = 0;
  let a = 0;
  let n = 0;
  for (let i = 0; i < analytic.length; i++) {
    const g = analytic[i]!;
    const h = numerical[i]!;
    diff += (g - h) * (g - h);
    a += g * g;
    n += h * h;
  }
  const denominator = Math.sqrt(a) + Math.sqrt(n);
  return denominator === 0 ? 0 : Math.sqrt(diff) / denominator;
}

function compare(shape: readonly number[], analytic: Float64Array, numerical: Float64Array): ParameterCheck {
  let worst = 0;
  let worstError = -1;
  for (let i = 0; i < analytic.length; i++) {
    const error = Math.abs(analytic[i]! - numerical[i]!);
    if (error > worstError) {
      worst = i;
      worstError = error;
    }
  }
  return {
    difference: relativeDifference(analytic, numerical),
    worstIndex: unravelIndex(worst, shape),
    analytic: analytic[worst] ?? 0,
    numerical: numerical[worst] ?? 0,
  };
}

function perturbed(theta: NDArray, i: number, step: number): NDArray {
  const moved = theta.copy();
  moved.data[i] = theta.data[i]! + step;
  return moved;
}

function finiteCost(cost: number, name: string, theta: NDArray, i: number): number {
  if (!Number.isFinite(cost)) {
    throw new GradientCheckError(`the cost is ${cost} when ${name}[${unravelIndex(i, theta.shape).join(", ")}] is moved by ±epsilon`);
  }
  return cost;
}

function assertUsableGradient(gradName: string, grad: NDArray, name: string, value: NDArray): void {
  const same = grad.shape.length === value.shape.length && grad.shape.every((d, k) => d === value.shape[k]);
  if (!same) {
    throw new GradientCheckError(`${gradName} has shape ${formatShape(grad.shape)} but ${name} has shape ${formatShape(value.shape)}`);
  }
  const bad = grad.data.findIndex((v) => !Number.isFinite(v));
  if (bad >= 0) {
    throw new GradientCheckError(`${gradName}[${unravelIndex(bad, grad.shape).join(", ")}] is ${grad.data[bad]}, not a finite number`);
  }
}

function unravelIndex(flat: number, shape: readonly number[]): number[] {
  const index = new Array<number>(shape.length).fill(0);
  let rest = flat;
  for (let k = shape.length - 1; k >= 0; k--) {
    const d = shape[k]!;
    index[k] = d === 0 ? 0 : rest % d;
    rest = d === 0 ? 0 : Math.floor(rest / d);
  }
  return index;
}

function formatShape(shape: readonly number[]): string {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(", ")})`;
}
