// Which plot an exercise page shows, declared here (not in the exercise folder) because the
// reference curve is computed in the browser from a formula: the reference solution never ships.
// Also the Run probes each plot needs and the extra Run time they get. Edit to give an exercise
// a plot; the drawing is in the *-plot.tsx components, the network math in shallow-network.ts.
import type { RunProbe } from "@/lib/run/execute";
import { planarProbeArgs, type LayerSizes } from "./shallow-network";

export type PlotSpec =
  | { readonly kind: "activation"; readonly formula: ActivationFormula; readonly from: number; readonly to: number; readonly points: number }
  | { readonly kind: "gradient-check" }
  | TrainingPlotSpec
  | SymmetryPlotSpec;

/**
 * nn-model: the learner's model trained on the planar data for each checkpoint's number of
 * iterations (one probe each, np.random seeded like the grader's course-setting test so every
 * probe starts from the same initialization: one training run seen at several points), the
 * cost of each, and the decision boundary of the last.
 */
export interface TrainingPlotSpec {
  readonly kind: "training";
  readonly hiddenUnits: number;
  readonly checkpoints: readonly number[];
  readonly npSeed: number;
  readonly gridSize: number;
}

/**
 * zero-initialization: gradient descent on the planar data from the learner's parameters and
 * from small random ones (seeded), drawing each hidden unit's weight on the first input.
 */
export interface SymmetryPlotSpec {
  readonly kind: "symmetry";
  readonly sizes: LayerSizes;
  readonly iterations: number;
  readonly every: number;
  readonly learningRate: number;
  readonly randomSeed: number;
}

export type ActivationFormula = "sigmoid" | "tanh" | "relu" | "leaky-relu" | "sigmoid-derivative" | "tanh-derivative" | "relu-derivative" | "leaky-relu-derivative";

const LEAKY_SLOPE = 0.01;

export const ACTIVATION_FORMULAS: Record<ActivationFormula, (z: number) => number> = {
  sigmoid: (z) => 1 / (1 + Math.exp(-z)),
  tanh: (z) => Math.tanh(z),
  relu: (z) => Math.max(0, z),
  "leaky-relu": (z) => (z > 0 ? z : LEAKY_SLOPE * z),
  "sigmoid-derivative": (z) => {
    const s = 1 / (1 + Math.exp(-z));
    return s * (1 - s);
  },
  "tanh-derivative": (z) => 1 - Math.tanh(z) ** 2,
  "relu-derivative": (z) => (z > 0 ? 1 : 0),
  "leaky-relu-derivative": (z) => (z > 0 ? 1 : LEAKY_SLOPE),
};

const PLOTS: Record<string, PlotSpec> = {
  sigmoid: { kind: "activation", formula: "sigmoid", from: -8, to: 8, points: 161 },
  tanh: { kind: "activation", formula: "tanh", from: -4, to: 4, points: 161 },
  relu: { kind: "activation", formula: "relu", from: -4, to: 4, points: 161 },
  "leaky-relu": { kind: "activation", formula: "leaky-relu", from: -4, to: 4, points: 161 },
  "sigmoid-derivative": { kind: "activation", formula: "sigmoid-derivative", from: -8, to: 8, points: 161 },
  "tanh-derivative": { kind: "activation", formula: "tanh-derivative", from: -4, to: 4, points: 161 },
  "relu-derivative": { kind: "activation", formula: "relu-derivative", from: -4, to: 4, points: 160 },
  "leaky-relu-derivative": { kind: "activation", formula: "leaky-relu-derivative", from: -4, to: 4, points: 160 },
  "backward-propagation": { kind: "gradient-check" },
  // The checkpoints add up to 14,444 training iterations of the learner's code; see probeTimeMs.
  "nn-model": { kind: "training", hiddenUnits: 4, checkpoints: [1, 3, 10, 30, 100, 300, 1000, 3000, 10000], npSeed: 3, gridSize: 60 },
  "zero-initialization": { kind: "symmetry", sizes: { nX: 2, nH: 4, nY: 1 }, iterations: 1000, every: 10, learningRate: 1.2, randomSeed: 3 },
};

export function plotFor(exerciseId: string): PlotSpec | null {
  return PLOTS[exerciseId] ?? null;
}

/** Evenly spaced z values, like np.linspace(from, to, points). */
export function linspace(from: number, to: number, points: number): number[] {
  if (points < 2) return [from];
  return Array.from({ length: points }, (_, i) => from + ((to - from) * i) / (points - 1));
}

/** The extra calls of the learner's entry a plot needs, evaluated after the examples without comparison. */
export function plotProbes(spec: PlotSpec | null, params: readonly string[], exampleArgs: Readonly<Record<string, unknown>>): RunProbe[] {
  const firstParam = params[0];
  switch (spec?.kind) {
    case "activation": {
      if (firstParam === undefined) return [];
      const z = linspace(spec.from, spec.to, spec.points);
      return [{ name: "plot", args: { ...exampleArgs, [firstParam]: { shape: [1, z.length], values: [z] } } }];
    }
    case "training": {
      const data = planarProbeArgs();
      return spec.checkpoints.map((k) => ({
        name: `iterations-${k}`,
        args: { X: data.X, Y: data.Y, nH: spec.hiddenUnits, numIterations: k },
        npSeed: spec.npSeed,
      }));
    }
    case "symmetry":
      return [{ name: "plot", args: { nX: spec.sizes.nX, nH: spec.sizes.nH, nY: spec.sizes.nY } }];
    default:
      return [];
  }
}

/**
 * Time a Run may take on top of RUN_TIME_LIMIT_MS for its plot's probes, so that the plot never
 * turns a Run that would finish into a timeout. Training probes get PROBE_MS_PER_ITERATION per
 * iteration. Measured with the reference solution on a busy 2-core machine: the 14,444 probe
 * iterations take 1.2 to 1.5 s in Node (about 0.1 ms each on the 400 planar points), and a
 * whole nn-model Run in headless chromium, click to plots, 3.4 to 3.5 s: too close to 5 s
 * without a budget. With it the limit is 12.2 s, 3.5× the measured Run, for slower laptops and
 * slower correct code. An endless loop is still stopped, only later, and Stop works at any time.
 */
export function probeTimeMs(spec: PlotSpec | null): number {
  if (spec?.kind !== "training") return 0;
  return Math.ceil(spec.checkpoints.reduce((sum, k) => sum + k, 0) * PROBE_MS_PER_ITERATION);
}

const PROBE_MS_PER_ITERATION = 0.5;
