// The one-hidden-layer network (tanh hidden layer, sigmoid output, cross-entropy) in plain
// TypeScript, and the series the training plots draw from the learner's parameters: the cost
// curve and decision boundary of nn-model, the hidden units' weights of zero-initialization.
// The UI computes these itself so that no reference solution ships to the browser; the math is
// tested against the reference network in grader/nn. Edit this file when a plot needs another
// quantity of the network; the plots' layout lives in the components beside it.
import { loadPlanarDataset, np } from "@/grader/browser";
import { isShownArray, type ShownArray } from "@/lib/run/shown";

/** Rows of numbers: W1 is (nH, nX), X is (nX, m), one column per example as in the course. */
export type Matrix = readonly (readonly number[])[];

/** The parameters with biases as plain vectors: b1 holds the nH entries of the course's (nH, 1). */
export interface ShallowParameters {
  readonly W1: Matrix;
  readonly b1: readonly number[];
  readonly W2: Matrix;
  readonly b2: readonly number[];
}

export interface LayerSizes {
  readonly nX: number;
  readonly nH: number;
  readonly nY: number;
}

/** Inputs X (nX, m) and labels Y (nY, m). */
export interface LabelledData {
  readonly X: Matrix;
  readonly Y: Matrix;
}

let planar: LabelledData | null = null;

/** The course's 400 planar "flower" points (grader/nn/planar.ts, seed 1), generated once. */
export function planarData(): LabelledData {
  if (planar === null) {
    const { X, Y } = loadPlanarDataset();
    planar = { X: X.toArray() as number[][], Y: Y.toArray() as number[][] };
  }
  return planar;
}

/** The planar data as Run probe arguments (the shown format of lib/run/shown.ts). */
export function planarProbeArgs(): { X: ShownArray; Y: ShownArray } {
  const { X, Y } = planarData();
  return { X: { shape: [X.length, columns(X)], values: X }, Y: { shape: [Y.length, columns(Y)], values: Y } };
}

const NON_FINITE: Readonly<Record<string, number>> = { NaN: NaN, Infinity: Infinity, "-Infinity": -Infinity };

/** A shown number back to a number: non-finite values travel as strings, NaN inside JSON as null. */
function shownNumber(value: unknown): number | null {
  if (typeof value === "number") return value;
  if (value === null) return NaN;
  if (typeof value === "string" && value in NON_FINITE) return NON_FINITE[value] ?? null;
  return null;
}

/** A shown 2-d array of exactly this shape, or null. */
function shownMatrix(value: unknown, rows: number, cols: number): number[][] | null {
  if (!isShownArray(value) || value.shape.length !== 2 || value.shape[0] !== rows || value.shape[1] !== cols) return null;
  if (!Array.isArray(value.values) || value.values.length !== rows) return null;
  const out: number[][] = [];
  for (const row of value.values as unknown[]) {
    if (!Array.isArray(row) || row.length !== cols) return null;
    const numbers = row.map(shownNumber);
    if (numbers.some((n) => n === null)) return null;
    out.push(numbers as number[]);
  }
  return out;
}

/**
 * The learner's returned { W1, b1, W2, b2 } (shown format) as parameters, or null unless every
 * array has the course's shape: W1 (nH, nX), b1 (nH, 1), W2 (nY, nH), b2 (nY, 1). Values may be
 * non-finite (a diverged training); the series builders say so rather than guess.
 */
export function parseParameters(shown: unknown, sizes: LayerSizes): ShallowParameters | null {
  if (shown === null || typeof shown !== "object" || Array.isArray(shown)) return null;
  const p = shown as Record<string, unknown>;
  const W1 = shownMatrix(p.W1, sizes.nH, sizes.nX);
  const b1 = shownMatrix(p.b1, sizes.nH, 1);
  const W2 = shownMatrix(p.W2, sizes.nY, sizes.nH);
  const b2 = shownMatrix(p.b2, sizes.nY, 1);
  if (!W1 || !b1 || !W2 || !b2) return null;
  return { W1, b1: b1.map((r) => r[0] ?? NaN), W2, b2: b2.map((r) => r[0] ?? NaN) };
}

export function isFiniteParameters(p: ShallowParameters): boolean {
  const all = [...p.W1.flat(), ...p.b1, ...p.W2.flat(), ...p.b2];
  return all.every(Number.isFinite);
}

/** σ(z) without overflow: e^(−|z|) over one of two forms, like grader/nn/activations.ts. */
export function sigmoid(z: number): number {
  const e = Math.exp(-Math.abs(z));
  return z >= 0 ? 1 / (1 + e) : e / (1 + e);
}

/** log σ(z) = −log(1 + e^(−z)), finite for every finite z (the grader's cost check uses it too). */
function logSigmoid(z: number): number {
  return -(Math.max(-z, 0) + Math.log1p(Math.exp(-Math.abs(z))));
}

function columns(A: Matrix): number {
  return A[0]?.length ?? 0;
}

/** W A + b, b added to every column. */
function affine(W: Matrix, b: readonly number[], A: Matrix): number[][] {
  const m = columns(A);
  return W.map((w, i) => {
    const row = new Array<number>(m).fill(b[i] ?? NaN);
    w.forEach((wk, k) => {
      const a = A[k] ?? [];
      for (let j = 0; j < m; j++) row[j] = row[j]! + wk * a[j]!;
    });
    return row;
  });
}

/** Z1 = W1 X + b1, A1 = tanh(Z1), Z2 = W2 A1 + b2, A2 = σ(Z2). */
export function forwardPass(p: ShallowParameters, X: Matrix): { A1: number[][]; Z2: number[][]; A2: number[][] } {
  const A1 = affine(p.W1, p.b1, X).map((row) => row.map(Math.tanh));
  const Z2 = affine(p.W2, p.b2, A1);
  return { A1, Z2, A2: Z2.map((row) => row.map(sigmoid)) };
}

/** J = −(1/m) Σ [y log a + (1 − y) log(1 − a)], from Z2 so that a saturated output stays finite. */
export function crossEntropyCost(p: ShallowParameters, data: LabelledData): number {
  const { Z2 } = forwardPass(p, data.X);
  let sum = 0;
  Z2.forEach((row, o) => {
    const y = data.Y[o] ?? [];
    row.forEach((z, j) => {
      const label = y[j]!;
      sum += label * logSigmoid(z) + (1 - label) * logSigmoid(-z);
    });
  });
  return -sum / columns(data.X);
}

/**
 * One step of batch gradient descent with the course's backward pass, as new parameters. The
 * gradients are summed one example at a time (dZ2 = A2 − Y, dZ1 = W2ᵀ dZ2 ⊙ (1 − A1²), dW = dZ
 * times the layer's input) rather than as matrices: the plot trains two networks for a thousand
 * steps on the page's main thread, and this runs several times faster than matrix-at-a-time.
 */
export function gradientStep(p: ShallowParameters, data: LabelledData, learningRate: number): ShallowParameters {
  const { X, Y } = data;
  const m = columns(X);
  const nH = p.W1.length;
  const zeros = (rows: number, cols: number) => Array.from({ length: rows }, () => new Array<number>(cols).fill(0));
  const dW1 = zeros(nH, X.length);
  const db1 = new Array<number>(nH).fill(0);
  const dW2 = zeros(p.W2.length, nH);
  const db2 = new Array<number>(p.W2.length).fill(0);
  const x = new Array<number>(X.length).fill(0);
  const a1 = new Array<number>(nH).fill(0);
  const dz1 = new Array<number>(nH).fill(0);
  for (let j = 0; j < m; j++) {
    for (let k = 0; k < X.length; k++) x[k] = X[k]![j]!;
    for (let i = 0; i < nH; i++) {
      let z = p.b1[i]!;
      for (let k = 0; k < x.length; k++) z += p.W1[i]![k]! * x[k]!;
      a1[i] = Math.tanh(z);
      dz1[i] = 0;
    }
    for (let o = 0; o < p.W2.length; o++) {
      const w = p.W2[o]!;
      let z = p.b2[o]!;
      for (let i = 0; i < nH; i++) z += w[i]! * a1[i]!;
      const dz2 = sigmoid(z) - Y[o]![j]!;
      db2[o] = db2[o]! + dz2;
      for (let i = 0; i < nH; i++) {
        dW2[o]![i] = dW2[o]![i]! + dz2 * a1[i]!;
        dz1[i] = dz1[i]! + w[i]! * dz2;
      }
    }
    for (let i = 0; i < nH; i++) {
      const d = dz1[i]! * (1 - a1[i]! * a1[i]!);
      db1[i] = db1[i]! + d;
      for (let k = 0; k < x.length; k++) dW1[i]![k] = dW1[i]![k]! + d * x[k]!;
    }
  }
  const step = (v: number, gradientSum: number) => v - learningRate * (gradientSum / m);
  return {
    W1: p.W1.map((w, i) => w.map((v, k) => step(v, dW1[i]![k]!))),
    b1: p.b1.map((v, i) => step(v, db1[i]!)),
    W2: p.W2.map((w, o) => w.map((v, i) => step(v, dW2[o]![i]!))),
    b2: p.b2.map((v, o) => step(v, db2[o]!)),
  };
}

/** Class predictions of the first output unit: 1 where A2 > 0.5. */
export function predict(p: ShallowParameters, X: Matrix): number[] {
  return (forwardPass(p, X).A2[0] ?? []).map((a) => (a > 0.5 ? 1 : 0));
}

/** The fraction (0 to 1) of examples whose prediction equals the label in Y's first row. */
export function accuracy(p: ShallowParameters, data: LabelledData): number {
  const labels = data.Y[0] ?? [];
  const correct = predict(p, data.X).filter((c, j) => c === labels[j]).length;
  return labels.length === 0 ? 0 : correct / labels.length;
}

/** Small random weights and zero biases: 0.01 · randn, W1 drawn before W2, from its own seeded generator. */
export function randomParameters(sizes: LayerSizes, seed: number): ShallowParameters {
  const rng = new np.random.RandomState(seed);
  const W1 = np.multiply(rng.randn(sizes.nH, sizes.nX), 0.01).toArray() as number[][];
  const W2 = np.multiply(rng.randn(sizes.nY, sizes.nH), 0.01).toArray() as number[][];
  return { W1, b1: new Array<number>(sizes.nH).fill(0), W2, b2: new Array<number>(sizes.nY).fill(0) };
}

// ---- nn-model: the cost curve and the decision boundary ----

export interface CostPoint {
  readonly iteration: number;
  /** null where the parameters are not finite (training diverged). */
  readonly cost: number | null;
}

/** The cost of the parameters trained for each checkpoint's number of iterations. */
export function costCurve(checkpoints: readonly number[], trained: readonly ShallowParameters[], data: LabelledData): CostPoint[] {
  return checkpoints.map((iteration, i) => {
    const p = trained[i];
    const cost = p ? crossEntropyCost(p, data) : NaN;
    return { iteration, cost: Number.isFinite(cost) ? cost : null };
  });
}

export interface DecisionBoundary {
  readonly xDomain: readonly [number, number];
  readonly yDomain: readonly [number, number];
  /** Rectangles (data coordinates) where the network predicts class 1: runs of grid cells per row. */
  readonly classOne: readonly { readonly x1: number; readonly x2: number; readonly y1: number; readonly y2: number }[];
  readonly points: readonly { readonly x: number; readonly y: number; readonly label: number }[];
  readonly accuracy: number;
}

/**
 * The predicted class on a gridSize × gridSize grid over the data (padded by 1 on each side, as
 * the course's plot_decision_boundary does), merged into horizontal runs so the chart draws a
 * few hundred rectangles rather than thousands; the points with their labels; the accuracy.
 */
export function decisionBoundary(p: ShallowParameters, data: LabelledData, gridSize: number): DecisionBoundary {
  const xs = data.X[0] ?? [];
  const ys = data.X[1] ?? [];
  const xDomain = [Math.floor(Math.min(...xs) - 1), Math.ceil(Math.max(...xs) + 1)] as const;
  const yDomain = [Math.floor(Math.min(...ys) - 1), Math.ceil(Math.max(...ys) + 1)] as const;
  const w = (xDomain[1] - xDomain[0]) / gridSize;
  const h = (yDomain[1] - yDomain[0]) / gridSize;
  const centres = (from: number, step: number) => Array.from({ length: gridSize }, (_, i) => from + (i + 0.5) * step);
  const cx = centres(xDomain[0], w);
  const classOne: { x1: number; x2: number; y1: number; y2: number }[] = [];
  centres(yDomain[0], h).forEach((y, row) => {
    const predicted = predict(p, [cx, cx.map(() => y)]);
    const y1 = yDomain[0] + row * h;
    let start = -1;
    for (let i = 0; i <= gridSize; i++) {
      const one = predicted[i] === 1;
      if (one && start < 0) start = i;
      if (!one && start >= 0) {
        classOne.push({ x1: xDomain[0] + start * w, x2: xDomain[0] + i * w, y1, y2: y1 + h });
        start = -1;
      }
    }
  });
  const labels = data.Y[0] ?? [];
  const points = xs.map((x, j) => ({ x, y: ys[j] ?? NaN, label: labels[j] ?? NaN }));
  return { xDomain, yDomain, classOne, points, accuracy: accuracy(p, data) };
}

// ---- zero-initialization: the hidden units' weights during training ----

/**
 * How far apart the hidden units are: the largest difference, over every parameter a hidden
 * unit owns (its row of W1, its b1, its column of W2), between any two units. 0 means the
 * units are identical: the same function of the input with the same gradients.
 */
export function hiddenUnitSpread(p: ShallowParameters): number {
  const perUnit = p.W1.map((row, i) => [...row, p.b1[i] ?? NaN, ...p.W2.map((out) => out[i] ?? NaN)]);
  const first = perUnit[0] ?? [];
  let spread = 0;
  first.forEach((_, c) => {
    const values = perUnit.map((u) => u[c] ?? NaN);
    spread = Math.max(spread, Math.max(...values) - Math.min(...values));
  });
  return spread;
}

export interface WeightTrajectories {
  /** Every `every` iterations (and the last): W1[i][input] of each hidden unit i. */
  readonly points: readonly { readonly iteration: number; readonly weights: readonly number[] }[];
  /** The largest hiddenUnitSpread over every iteration of training, the start included. */
  readonly maxSpread: number;
}

/** Trains from `initial` by gradient descent and records each hidden unit's weight on one input. */
export function hiddenUnitTrajectories(
  initial: ShallowParameters,
  data: LabelledData,
  options: { readonly iterations: number; readonly learningRate: number; readonly every: number; readonly input: number },
): WeightTrajectories {
  const record = (iteration: number, p: ShallowParameters) => ({ iteration, weights: p.W1.map((row) => row[options.input] ?? NaN) });
  let p = initial;
  let maxSpread = hiddenUnitSpread(p);
  const points = [record(0, p)];
  for (let i = 1; i <= options.iterations; i++) {
    p = gradientStep(p, data, options.learningRate);
    // NaN never compares greater: a diverged run must still read as "not identical".
    const spread = hiddenUnitSpread(p);
    maxSpread = Number.isNaN(spread) ? NaN : Math.max(maxSpread, spread);
    if (i % options.every === 0 || i === options.iterations) points.push(record(i, p));
  }
  return { points, maxSpread };
}
