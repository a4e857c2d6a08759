// Which plot an exercise page shows, declared here (not in the exercise folder) because the
// reference curve is computed in the browser from a formula: the reference solution never ships.
export type PlotSpec =
  | { readonly kind: "activation"; readonly formula: ActivationFormula; readonly from: number; readonly to: number; readonly points: number }
  | { readonly kind: "gradient-check" };

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
};

export function plotFor(exerciseId: string): PlotSpec | null {
  return PLOTS[exerciseId] ?? null;
}

/** Evenly spaced z values, like np.linspace(from, to, points). */
export function linspace(from: number, to: number, points: number): number[] {
  if (points < 2) return [from];
  return Array.from({ length: points }, (_, i) => from + ((to - from) * i) / (points - 1));
}
