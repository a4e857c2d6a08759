// Checks that judge more than values: end-to-end training and the gradient check, applied to
// outputs computed here with the reference network (the engine applies them to learner outputs).
import { describe, expect, it } from "vitest";
import { nnModel } from "../nn/network";
import { runChecks, type CheckContext } from "./checks";
import type { CaseInstance } from "./instances";
import { referenceNetwork, toHost } from "./reference-network";
import { HostArray, type HostValue } from "./values";
import type { Check } from "../exercise/schema";
import { fromFlat } from "../np/interop";

const toNd = (a: HostArray) => fromFlat(a.shape, Float64Array.from(a.data));

const ctx: CheckContext = {
  reference: referenceNetwork,
  runCustom: () => Promise.reject(new Error("no custom checks here")),
  runLearner: () => Promise.reject(new Error("no learner exports here")),
};

function instance(named: Record<string, HostValue>, checks: Check[]): CaseInstance {
  return { name: "t", entry: "f", visible: false, weight: 1, repetition: 0, repeat: 1, args: Object.values(named), named: new Map(Object.entries(named)), checks };
}

describe("training check", () => {
  const { X, Y } = referenceNetwork.planar(60, 1);
  const trainingCheck: Check = { check: "training", X: "X", Y: "Y", parametersPath: "parameters", minAccuracy: 0.8, costsPath: "costs" };

  it("accepts trained parameters whose cost went down", async () => {
    const trained = toHost(nnModel(toNd(X), toNd(Y), 4, { numIterations: 600 }));
    const outcome = await runChecks(instance({ X, Y }, [trainingCheck]), trained, null, ctx);
    expect(outcome.message).toBeUndefined();
    expect(outcome.pass).toBe(true);
  });

  it("names the accuracy when the parameters did not learn, and a cost that went up", async () => {
    const zeros = (r: number, c: number) => new HostArray([r, c], new Float64Array(r * c));
    const untrained = { parameters: { W1: zeros(4, 2), b1: zeros(4, 1), W2: zeros(1, 4), b2: zeros(1, 1) }, costs: [0.69, 0.69] };
    const low = await runChecks(instance({ X, Y }, [trainingCheck]), untrained, null, ctx);
    expect(low.pass).toBe(false);
    expect(low.message?.en).toContain("Accuracy after training is 50%, below 80%");

    const trained = toHost(nnModel(toNd(X), toNd(Y), 4, { numIterations: 600 })) as { parameters: HostValue; costs: HostValue };
    const diverged = { parameters: { ...untrained.parameters, W1: new HostArray([4, 2], Float64Array.from([1, Number.NaN, 0, 0, 0, 0, 0, 0])) }, costs: [1, 0.5] };
    expect((await runChecks(instance({ X, Y }, [trainingCheck]), diverged, null, ctx)).message?.en).toContain("`W1` contains 1 nan value (first at [0, 1])");
    const rising = await runChecks(instance({ X, Y }, [trainingCheck]), { parameters: trained.parameters, costs: [0.3, 0.7] }, null, ctx);
    expect(rising.message?.en).toBe("The cost did not go down: first 0.3, last 0.7.");
  });
});

describe("gradient check", () => {
  const gradientCheck: Check = {
    check: "gradient",
    parameters: "parameters",
    X: "X",
    Y: "Y",
    gradients: { W1: "dW1", b1: "db1", W2: "dW2", b2: "db2" },
    epsilon: 1e-7,
    threshold: 2e-7,
    forward: "reference",
    forwardExport: "forwardPropagation",
    costExport: "computeCost",
  };
  const { X, Y } = referenceNetwork.planar(10, 2);
  // Deterministic, non-symmetric parameters of a 2-3-1 network.
  const filled = (rows: number, cols: number, scale: number) =>
    new HostArray([rows, cols], Float64Array.from({ length: rows * cols }, (_, i) => scale * Math.sin(i + rows)));
  const parameters: HostValue = { W1: filled(3, 2, 0.5), b1: filled(3, 1, 0.1), W2: filled(1, 3, 0.5), b2: filled(1, 1, 0.1) };

  it("reports per-parameter differences and fails a gradient scaled by m", async () => {
    const cache = (referenceNetwork.functions.forwardPropagation(X, parameters) as HostValue[])[1];
    const grads = referenceNetwork.functions.backwardPropagation(parameters, cache, X, Y) as Record<string, HostArray>;
    const ok = await runChecks(instance({ parameters, X, Y }, [gradientCheck]), grads, null, ctx);
    expect(ok.pass).toBe(true);
    expect(Object.keys(ok.gradient?.perParameter ?? {})).toEqual(["dW1", "db1", "dW2", "db2"]);
    expect(ok.gradient?.difference).toBeLessThan(2e-7);

    const dW2 = grads["dW2"];
    if (!dW2) throw new Error("no dW2");
    const scaled = { ...grads, dW2: new HostArray(dW2.shape, dW2.data.map((x) => x * 10)) };
    const bad = await runChecks(instance({ parameters, X, Y }, [gradientCheck]), scaled, null, ctx);
    expect(bad.pass).toBe(false);
    expect(bad.message?.en).toContain("`dW2`");
    expect(bad.gradient?.perParameter["dW1"]).toBeLessThan(2e-7);
  });
});
