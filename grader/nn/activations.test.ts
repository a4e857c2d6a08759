// Each activation against an independent scalar computation, and each derivative against a
// centred difference of its own forward step.
import { describe, expect, it } from "vitest";
import * as np from "../np/index";
import type { NDArray } from "../np/index";
import {
  leakyRelu,
  leakyReluDerivative,
  relu,
  reluDerivative,
  sigmoid,
  sigmoidDerivative,
  tanh,
  tanhDerivative,
  hiddenActivation,
} from "./activations";

// Points away from 0, where ReLU and leaky ReLU have a derivative.
const Z = np.array([[-7.5, -2, -0.3, 0.25], [0.9, 1.7, 4, 12]]);

/** (f(z + h) − f(z − h)) / 2h elementwise; h = 1e-5 balances truncation (~h²) and rounding (~1e-16/h). */
function centredDifference(f: (z: NDArray) => NDArray, z: NDArray): NDArray {
  const h = 1e-5;
  return np.divide(np.subtract(f(np.add(z, h)), f(np.subtract(z, h))), 2 * h);
}

function expectClose(actual: NDArray, expected: NDArray, atol: number): void {
  expect(actual.shape).toEqual(expected.shape);
  actual.data.forEach((v, i) => expect(Math.abs(v - expected.data[i]!)).toBeLessThanOrEqual(atol));
}

describe("sigmoid", () => {
  it("is 1 / (1 + e^-z) for moderate z, within 4 ulp", () => {
    const a = sigmoid(Z);
    a.data.forEach((v, i) => {
      const expected = 1 / (1 + Math.exp(-Z.data[i]!));
      // For z < 0 the two forms round differently (e^z / (1 + e^z) against 1 / (1 + e^-z)),
      // each within about 2 ulp of the true value, so they agree within 4 ulp.
      expect(Math.abs(v - expected)).toBeLessThanOrEqual(4 * Number.EPSILON * expected);
    });
  });

  it("stays finite at |z| = 1000 where e^1000 overflows", () => {
    expect(sigmoid(np.array([-1000, 0, 1000])).toArray()).toEqual([0, 0.5, 1]);
  });

  it("has the derivative a(1 - a)", () => {
    expectClose(sigmoidDerivative(sigmoid(Z)), centredDifference(sigmoid, Z), 1e-9);
  });
});

describe("hidden activations", () => {
  it("tanh matches Math.tanh and has the derivative 1 - a²", () => {
    expect(Array.from(tanh(Z).data)).toEqual(Array.from(Z.data, Math.tanh));
    expectClose(tanhDerivative(tanh(Z)), centredDifference(tanh, Z), 1e-9);
  });

  it("relu is max(0, z) with derivative 0 or 1, and 0 at z = 0", () => {
    expect(relu(np.array([-2, 0, 3])).toArray()).toEqual([0, 0, 3]);
    expectClose(reluDerivative(Z), centredDifference(relu, Z), 1e-9);
    expect(reluDerivative(np.array([0])).toArray()).toEqual([0]);
  });

  it("leaky relu scales negatives by alpha, with derivative alpha or 1", () => {
    expect(leakyRelu(np.array([-2, 0, 3])).toArray()).toEqual([-0.02, 0, 3]);
    expect(leakyRelu(np.array([-2]), 0.2).toArray()).toEqual([-0.4]);
    expectClose(leakyReluDerivative(Z, 0.2), centredDifference((z) => leakyRelu(z, 0.2), Z), 1e-9);
    expect(leakyReluDerivative(np.array([-1, 0, 1])).toArray()).toEqual([0.01, 0.01, 1]);
  });

  it("hiddenActivation pairs each forward step with its own derivative", () => {
    for (const name of ["tanh", "relu", "leaky-relu"] as const) {
      const g = hiddenActivation(name, 0.1);
      expectClose(g.derivative(Z, g.forward(Z)), centredDifference((z) => g.forward(z), Z), 1e-9);
    }
  });
});
