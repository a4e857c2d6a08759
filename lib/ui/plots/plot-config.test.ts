import { describe, expect, it } from "vitest";
import { ACTIVATION_FORMULAS, linspace, plotFor } from "./plot-config";
import { activationSeries } from "./activation-plot";

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
    expect(plotFor("layer-sizes")).toBeNull();
  });

  it("marks the points where the learner's curve leaves the reference", () => {
    const spec = { kind: "activation", formula: "relu", from: -1, to: 1, points: 3 } as const;
    const series = activationSeries(spec, { shape: [1, 3], values: [[0, 0, 2]] }, {});
    expect(series.map((p) => p.disagreement)).toEqual([null, null, 2]);
    expect(series.map((p) => p.reference)).toEqual([0, 0, 1]);
  });
});
