// The trusted reference network the input generators and checks call in the host: an adapter
// from grader/nn (which works on np NDArrays) to the engine's HostArray values.
// Edit when a generator needs another reference function (and add its name to the schema).
import { gradientCheck } from "../nn/gradient-check";
import { backwardPropagation, computeCost, forwardPropagation, predict, updateParameters } from "../nn/network";
import type { ForwardCache, NetworkGradients, NetworkParameters } from "../nn/network";
import { sigmoid } from "../nn/activations";
import { loadPlanarDataset } from "../nn/planar";
import * as np from "../np/index";
import type { NDArray } from "../np/index";
import { fromFlat, isNDArray } from "../np/interop";
import { RandomState } from "../np/random/random-state";
import type { ReferenceNetwork } from "./generators";
import { HostArray, type HostValue, isRecord } from "./values";

class ReferenceArgumentError extends Error {}

function toNd(value: HostValue, what: string): NDArray {
  if (value instanceof HostArray) return fromFlat(value.shape, Float64Array.from(value.data));
  if (typeof value === "number") return np.array(value);
  throw new ReferenceArgumentError(`${what} must be an array`);
}

function toNdRecord<K extends string>(value: HostValue, keys: readonly K[], what: string): Record<K, NDArray> {
  if (!isRecord(value)) throw new ReferenceArgumentError(`${what} must be an object { ${keys.join(", ")} }`);
  const out = {} as Record<K, NDArray>;
  for (const key of keys) out[key] = toNd(value[key], `${what}.${key}`);
  return out;
}

export function toHost(value: unknown): HostValue {
  if (isNDArray(value)) return new HostArray([...value.shape], Float64Array.from(value.data));
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean" || value === null) return value;
  if (Array.isArray(value)) return value.map(toHost);
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toHost(v)]));
  }
  throw new ReferenceArgumentError(`cannot move a ${typeof value} into the grader`);
}

const PARAMETER_KEYS = ["W1", "b1", "W2", "b2"] as const;
const CACHE_KEYS = ["Z1", "A1", "Z2", "A2"] as const;
const GRADIENT_KEYS = ["dW1", "db1", "dW2", "db2"] as const;

const params = (v: HostValue): NetworkParameters => toNdRecord(v, PARAMETER_KEYS, "parameters");
const cache = (v: HostValue): ForwardCache => toNdRecord(v, CACHE_KEYS, "cache");
const grads = (v: HostValue): NetworkGradients => toNdRecord(v, GRADIENT_KEYS, "grads");

export const referenceNetwork: ReferenceNetwork = {
  functions: {
    sigmoid: (z) => toHost(sigmoid(toNd(z, "z"))),
    // The course returns (A2, cache); the generators pick index 1 for the cache.
    forwardPropagation: (X, p) => {
      const out = forwardPropagation(toNd(X, "X"), params(p));
      return [toHost(out.A2), toHost(out.cache)];
    },
    computeCost: (A2, Y) => computeCost(toNd(A2, "A2"), toNd(Y, "Y")),
    backwardPropagation: (p, c, X, Y) => toHost(backwardPropagation(params(p), cache(c), toNd(X, "X"), toNd(Y, "Y"))),
    updateParameters: (p, g, learningRate) =>
      toHost(updateParameters(params(p), grads(g), typeof learningRate === "number" ? learningRate : undefined)),
    predict: (p, X) => toHost(predict(params(p), toNd(X, "X"))),
  },
  planar(m, seed) {
    const { X, Y } = loadPlanarDataset({ m, seed });
    return { X: new HostArray([...X.shape], Float64Array.from(X.data)), Y: new HostArray([...Y.shape], Float64Array.from(Y.data)) };
  },
  gradientDifferences(parameters, X, Y, gradients, epsilon) {
    const p: Record<string, NDArray> = {};
    for (const [k, v] of Object.entries(parameters)) p[k] = toNd(v, k);
    const g: Record<string, NDArray> = {};
    for (const [k, v] of Object.entries(gradients)) g[`d${k}`] = toNd(v, k);
    const x = toNd(X, "X");
    const y = toNd(Y, "Y");
    const costOf = (q: Record<string, NDArray>) => {
      const { W1, b1, W2, b2 } = q;
      if (!W1 || !b1 || !W2 || !b2) throw new ReferenceArgumentError("parameters must hold W1, b1, W2, b2");
      return computeCost(forwardPropagation(x, { W1, b1, W2, b2 }).A2, y);
    };
    const result = gradientCheck(costOf, p, g, { epsilon });
    const perParameter: Record<string, number> = {};
    for (const k of Object.keys(parameters)) perParameter[k] = result.perParameter[`d${k}`]?.difference ?? Number.NaN;
    return { difference: result.difference, perParameter };
  },
  gradientDifferencesPlan(parameters, gradients, epsilon) {
    const p: Record<string, NDArray> = {};
    for (const [k, v] of Object.entries(parameters)) p[k] = toNd(v, k);
    const g: Record<string, NDArray> = {};
    for (const [k, v] of Object.entries(gradients)) g[`d${k}`] = toNd(v, k);
    // grader/nn's gradientCheck owns the perturbation order and the difference formula, but wants
    // a synchronous J. Run it twice: once recording the parameter sets it evaluates, then again
    // replaying the costs the sandbox computed for them, in the same (deterministic) order.
    const perturbations: Record<string, HostArray>[] = [];
    gradientCheck(
      (q) => {
        const moved: Record<string, HostArray> = {};
        for (const [k, v] of Object.entries(q)) moved[k] = new HostArray([...v.shape], Float64Array.from(v.data));
        perturbations.push(moved);
        return 0;
      },
      p,
      g,
      { epsilon },
    );
    return {
      perturbations,
      differences(costs) {
        if (costs.length !== perturbations.length) throw new ReferenceArgumentError(`expected ${perturbations.length} costs, got ${costs.length}`);
        let next = 0;
        const result = gradientCheck(() => costs[next++] ?? Number.NaN, p, g, { epsilon });
        const perParameter: Record<string, number> = {};
        for (const k of Object.keys(parameters)) perParameter[k] = result.perParameter[`d${k}`]?.difference ?? Number.NaN;
        return { difference: result.difference, perParameter };
      },
    };
  },
  randnAfterSeed(seed, count) {
    const rng = new RandomState(seed);
    return Float64Array.from(rng.randn(count).data);
  },
};
