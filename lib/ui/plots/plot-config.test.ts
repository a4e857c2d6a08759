import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { executeRun, type RunResult } from "@/lib/run/execute";
import { transpileForRun } from "@/lib/run/transpile-node";
import { ACTIVATION_FORMULAS, linspace, plotFor, plotProbes, probeTimeMs, type SymmetryPlotSpec, type TrainingPlotSpec } from "./plot-config";
import { activationSeries } from "./activation-plot";
import { crossEntropyCost, gradientStep, planarData, randomParameters } from "./shallow-network";
import { symmetrySeries } from "./symmetry-plot";
import { trainingPlotData } from "./training-plots";

describe("plot config", () => {
  it("spaces points like np.linspace, ends included", () => {
    expect(linspace(-1, 1, 5)).toEqual([-1, -0.5, 0, 0.5, 1]);
  });

  it("has reference formulas that agree with their derivatives by centred differences", () => {
    const pairs = [["sigmoid", "sigmoid-derivative"], ["tanh", "tanh-derivative"]] as const;
    for (const [f, df] of pairs) {
      for (const z of [-3, -0.5, 0.7, 2]) {
        const h = 1e-5;
        const numeric = (ACTIVATION_FORMULAS[f](z + h) - ACTIVATION_FORMULAS[f](z - h)) / (2 * h);
        expect(Math.abs(numeric - ACTIVATION_FORMULAS[df](z))).toBeLessThan(1e-8);
      }
    }
  });

  it("plots activation exercises and not the others", () => {
    expect(plotFor("sigmoid")?.kind).toBe("activation");
    expect(plotFor("nn-model")?.kind).toBe("training");
    expect(plotFor("zero-initialization")?.kind).toBe("symmetry");
    expect(plotFor("layer-sizes")).toBeNull();
  });

  it("probes an activation on the linspace in place of its first argument", () => {
    const spec = { kind: "activation", formula: "leaky-relu", from: -1, to: 1, points: 3 } as const;
    expect(plotProbes(spec, ["z", "alpha"], { z: 0, alpha: 0.1 })).toEqual([{ name: "plot", args: { z: { shape: [1, 3], values: [[-1, 0, 1]] }, alpha: 0.1 } }]);
  });

  it("marks the points where the learner's curve leaves the reference", () => {
    const spec = { kind: "activation", formula: "relu", from: -1, to: 1, points: 3 } as const;
    const series = activationSeries(spec, { shape: [1, 3], values: [[0, 0, 2]] }, {});
    expect(series.map((p) => p.disagreement)).toEqual([null, null, 2]);
    expect(series.map((p) => p.reference)).toEqual([0, 0, 1]);
  });
});

/** The probes of `spec` on an exercise file's code, through the browser Run path (transpile, execute). */
function runProbes(file: string, entry: string, params: string[], probes: ReturnType<typeof plotProbes>): RunResult["probes"] {
  const js = transpileForRun(readFileSync(file, "utf8"));
  return executeRun({ js, entry, params, examples: [], tolerance: { rtol: 1e-5, atol: 1e-8, accept: [] }, probes }).probes;
}

const NN_PARAMS = ["X", "Y", "nH", "numIterations"];

function trainingSpec(): TrainingPlotSpec {
  const spec = plotFor("nn-model");
  if (spec?.kind !== "training") throw new Error("nn-model has no training plot");
  return spec;
}

describe("training plots (nn-model)", () => {
  const spec = trainingSpec();

  it("probes the planar data at every checkpoint with the course-setting seed, and budgets their time", () => {
    const probes = plotProbes(spec, NN_PARAMS, {});
    expect(probes.map((p) => p.args.numIterations)).toEqual(spec.checkpoints);
    expect(probes.every((p) => p.npSeed === 3 && p.args.nH === 4)).toBe(true);
    expect(probeTimeMs(spec)).toBe(Math.ceil(14_444 * 0.5));
    expect(probeTimeMs(plotFor("sigmoid"))).toBe(0);
  });

  it("draws the reference solution's training: cost from log 2 to below 0.5, one seeded run, 90% accuracy", () => {
    const probes = runProbes("exercises/nn-model/solution.ts", "nnModel", NN_PARAMS, plotProbes(spec, NN_PARAMS, {}));
    const plot = trainingPlotData(spec, probes);
    expect(plot).not.toBeNull();
    if (!plot) return;
    const costs = plot.costs.map((c) => c.cost ?? NaN);
    expect(costs[0]).toBeCloseTo(Math.log(2), 2);
    expect(costs.at(-1)).toBeLessThan(0.5);
    // Every probe starts from np.random.seed(3): the first checkpoint is one step from seed 3's initialization.
    const afterOneStep = gradientStep(randomParameters({ nX: 2, nH: 4, nY: 1 }, 3), planarData(), 1.2);
    expect(Math.abs((costs[0] ?? NaN) - crossEntropyCost(afterOneStep, planarData()))).toBeLessThan(1e-12);
    expect(plot.boundary?.accuracy).toBeGreaterThanOrEqual(0.9);
  });

  it("draws the starter's untrained zeros: a flat cost of log 2 and 50% accuracy", () => {
    const plot = trainingPlotData(spec, runProbes("exercises/nn-model/starter.ts", "nnModel", NN_PARAMS, plotProbes(spec, NN_PARAMS, {})));
    expect(plot?.costs.every((c) => Math.abs((c.cost ?? NaN) - Math.log(2)) < 1e-12)).toBe(true);
    expect(plot?.boundary?.accuracy).toBe(0.5);
  });

  it("shows the cost climbing when the gradients lack the 1/m", () => {
    const short = { ...spec, checkpoints: [1, 10, 100] };
    const probes = runProbes("exercises/nn-model/mistakes/missing-one-over-m.ts", "nnModel", NN_PARAMS, plotProbes(short, NN_PARAMS, {}));
    const costs = trainingPlotData(short, probes)?.costs.map((c) => c.cost ?? NaN) ?? [];
    expect(costs[2]).toBeGreaterThan(10 * Math.log(2));
  });

  it("shows non-finite parameters as missing costs and no boundary", () => {
    const finite = { shape: [4, 2], values: [[0.1, 0.2], [0.3, 0.4], [0.5, 0.6], [0.7, 0.8]] };
    const column = (n: number, v: number | string) => ({ shape: [n, 1], values: Array.from({ length: n }, () => [v]) });
    const params = (b2: number | string) => ({ W1: finite, b1: column(4, 0), W2: { shape: [1, 4], values: [[1, 1, 1, 1]] }, b2: column(1, b2) });
    const short = { ...spec, checkpoints: [1, 10] };
    const plot = trainingPlotData(short, [
      { name: "iterations-1", actual: params(0) },
      { name: "iterations-10", actual: params("NaN") },
    ]);
    expect(plot?.costs.map((c) => c.cost === null)).toEqual([false, true]);
    expect(plot?.boundary).toBeNull();
  });

  it("shows nothing when the learner's code throws or returns something else", () => {
    const probes = plotProbes(spec, NN_PARAMS, {});
    const failed = probes.map((p) => ({ name: p.name, actual: null, error: "Error: boom" }));
    expect(trainingPlotData(spec, failed)).toBeNull();
    const malformed = probes.map((p) => ({ name: p.name, actual: { W1: 1 } }));
    expect(trainingPlotData(spec, malformed)).toBeNull();
    expect(trainingPlotData(spec, [])).toBeNull();
  });
});

describe("symmetry plot (zero-initialization)", () => {
  const spec = plotFor("zero-initialization") as SymmetryPlotSpec;
  const params = ["nX", "nH", "nY"];

  it("keeps the solution's zero units identical while the random ones move apart", () => {
    expect(spec.kind).toBe("symmetry");
    const [probe] = runProbes("exercises/zero-initialization/solution.ts", "initializeParametersZeros", params, plotProbes(spec, params, {}));
    const series = symmetrySeries(spec, probe?.actual);
    expect(series?.learner.maxSpread).toBe(0);
    expect(series?.random.maxSpread).toBeGreaterThan(0.1);
    expect(series?.learner.points).toHaveLength(spec.iterations / spec.every + 1);
  });

  it("shows nothing for biases without their column", () => {
    const [probe] = runProbes("exercises/zero-initialization/mistakes/bias-without-column.ts", "initializeParametersZeros", params, plotProbes(spec, params, {}));
    expect(symmetrySeries(spec, probe?.actual)).toBeNull();
  });
});
