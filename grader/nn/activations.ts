// The activation functions of the reference network, each a forward step paired with its
// local derivative (micrograd style), written with np exactly as a learner would write them.
// Edit this file to add a hidden activation; scripts/golden/nn_fixtures.py mirrors every
// formula here, so change both together and re-run the generator.
import * as np from "../np/index";
import type { NDArray } from "../np/index";

/** The hidden-layer activations the reference network supports. */
export type HiddenActivation = "tanh" | "relu" | "leaky-relu";

/** The slope of leaky ReLU for z < 0 when none is given (the lecture notes' 0.01). */
export const DEFAULT_LEAKY_ALPHA = 0.01;

/**
 * σ(z) = 1 / (1 + e^(−z)), evaluated as e^(−|z|) over one of two forms so that no
 * exponential ever overflows: sigmoid(−1000) is exactly 0 and sigmoid(1000) exactly 1,
 * where the textbook form would compute e^1000 = ∞ on the way.
 */
export function sigmoid(Z: NDArray): NDArray {
  const e = np.exp(np.negative(np.abs(Z)));
  const onePlusE = np.add(1, e);
  return np.where(np.greater_equal(Z, 0), np.divide(1, onePlusE), np.divide(e, onePlusE));
}

/** σ'(z) = a (1 − a), from the activation a = σ(z). */
export function sigmoidDerivative(A: NDArray): NDArray {
  return np.multiply(A, np.subtract(1, A));
}

/** tanh(z), elementwise. */
export function tanh(Z: NDArray): NDArray {
  return np.tanh(Z);
}

/** tanh'(z) = 1 − a², from the activation a = tanh(z). */
export function tanhDerivative(A: NDArray): NDArray {
  return np.subtract(1, np.multiply(A, A));
}

/** max(0, z), elementwise. */
export function relu(Z: NDArray): NDArray {
  return np.maximum(Z, 0);
}

/**
 * 1 where z > 0, else 0. At z = 0 the derivative does not exist; like the lecture notes
 * we pick 0 there (an exact 0 almost never happens with real-valued data).
 */
export function reluDerivative(Z: NDArray): NDArray {
  return np.where(np.greater(Z, 0), 1, 0);
}

/** z where z > 0, else alpha·z (the notes' max(0.01 z, z), which is only right for alpha < 1). */
export function leakyRelu(Z: NDArray, alpha = DEFAULT_LEAKY_ALPHA): NDArray {
  return np.where(np.greater(Z, 0), Z, np.multiply(alpha, Z));
}

/** 1 where z > 0, else alpha (alpha at z = 0, as for ReLU). */
export function leakyReluDerivative(Z: NDArray, alpha = DEFAULT_LEAKY_ALPHA): NDArray {
  return np.where(np.greater(Z, 0), 1, alpha);
}

/** A hidden activation as a forward step and its local derivative g'(Z), given Z and A = g(Z). */
export interface Activation {
  readonly name: HiddenActivation;
  forward(Z: NDArray): NDArray;
  derivative(Z: NDArray, A: NDArray): NDArray;
}

const TANH: Activation = { name: "tanh", forward: tanh, derivative: (_Z, A) => tanhDerivative(A) };
const RELU: Activation = { name: "relu", forward: relu, derivative: (Z) => reluDerivative(Z) };

/**
 * The hidden activation by name; alpha is only used by leaky ReLU. tanh and ReLU are shared
 * constants because the forward and backward passes look them up on every training iteration.
 */
export function hiddenActivation(name: HiddenActivation, alpha = DEFAULT_LEAKY_ALPHA): Activation {
  switch (name) {
    case "tanh":
      return TANH;
    case "relu":
      return RELU;
    case "leaky-relu":
      return { name, forward: (Z) => leakyRelu(Z, alpha), derivative: (Z) => leakyReluDerivative(Z, alpha) };
  }
}
