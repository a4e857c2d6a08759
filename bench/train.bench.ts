// Training benchmark: the reference network (tanh, nH = 4, 10,000 iterations, learning rate 1.2)
// on the planar data set, with our np in Node against the same loop in numpy
// (bench/train_numpy.py, spawned here). Prints both wall times, both final costs and the ratio
// np / numpy; the target is a ratio ≤ 1.0. Run alone with `npx tsx bench/train.bench.ts`
// (options: --iterations N --repeats R), or with every benchmark via `npm run bench`.
// With --ops it times each np operation of the loop at the loop's shapes against numpy's and
// prints where the np time goes (calls per iteration × time per call): the figures to hand the
// np engineer when the ratio is above 1.
import { spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { z } from "zod";
import * as np from "../grader/np/index";
import { sigmoid } from "../grader/nn/activations";
import { nnModel } from "../grader/nn/network";
import { loadPlanarDataset } from "../grader/nn/planar";

const { values } = parseArgs({
  options: { iterations: { type: "string", default: "10000" }, repeats: { type: "string", default: "3" }, ops: { type: "boolean", default: false } },
});
const iterations = z.coerce.number().int().positive().parse(values.iterations);
const repeats = z.coerce.number().int().positive().parse(values.repeats);

const numpyReport = z.object({ numpy: z.string(), seconds: z.array(z.number()), finalCost: z.number() });
const numpyOpsReport = z.object({ numpy: z.string(), ops: z.record(z.string(), z.number()) });

// numpy would spread the small matrix products over threads; one thread compares like with like.
const script = join(dirname(fileURLToPath(import.meta.url)), "train_numpy.py");
function runNumpy(args: string[]): { ok: true; stdout: string } | { ok: false; reason: string } {
  const python = spawnSync("python3", [script, ...args], {
    encoding: "utf8",
    env: { ...process.env, OPENBLAS_NUM_THREADS: "1", OMP_NUM_THREADS: "1", MKL_NUM_THREADS: "1" },
  });
  if (python.error !== undefined || python.status !== 0) return { ok: false, reason: python.error?.message ?? python.stderr.trim() };
  return { ok: true, stdout: python.stdout };
}

function median(xs: readonly number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const format = (seconds: number): string => `${seconds.toFixed(3)} s`;

const { X, Y } = loadPlanarDataset();

if (values.ops) {
  timeOperations();
  process.exit(0);
}

// One short run first so V8 has compiled the kernels before the clock starts, as numpy's are
// compiled ahead of time.
nnModel(X, Y, 4, { numIterations: 200 });

const npSeconds: number[] = [];
let npCost = NaN;
for (let r = 0; r < repeats; r++) {
  const start = performance.now();
  const { costs } = nnModel(X, Y, 4, { numIterations: iterations, learningRate: 1.2, seed: 3 });
  npSeconds.push((performance.now() - start) / 1000);
  npCost = costs[costs.length - 1] ?? NaN;
}

process.stdout.write(`training: tanh, nH = 4, ${iterations} iterations, learning rate 1.2, planar data (2, 400); median of ${repeats}\n`);
process.stdout.write(`np (Node ${process.version}):  median ${format(median(npSeconds))}, best ${format(Math.min(...npSeconds))}  (runs ${npSeconds.map(format).join(", ")})  final cost ${npCost}\n`);

const python = runNumpy(["--iterations", String(iterations), "--repeats", String(repeats)]);
if (!python.ok) {
  process.stdout.write(`numpy: skipped (python3 with numpy did not run: ${python.reason})\n`);
} else {
  const report = numpyReport.parse(JSON.parse(python.stdout));
  const numpySeconds = median(report.seconds);
  const costGap = Math.abs(npCost - report.finalCost) / Math.abs(report.finalCost);
  process.stdout.write(`numpy ${report.numpy}:      median ${format(numpySeconds)}, best ${format(Math.min(...report.seconds))}  (runs ${report.seconds.map(format).join(", ")})  final cost ${report.finalCost}\n`);
  process.stdout.write(`final costs differ by ${costGap.toExponential(2)} relative (numpy's BLAS and libm round differently in the last bits)\n`);
  const bestRatio = Math.min(...npSeconds) / Math.min(...report.seconds);
  process.stdout.write(`ratio np / numpy: ${(median(npSeconds) / numpySeconds).toFixed(2)} median, ${bestRatio.toFixed(2)} best (target ≤ 1.00)\n`);
}

/**
 * The fastest of 25 samples of 200 calls, in seconds per call: on a shared machine a sample
 * that was descheduled only gets slower, so the minimum is the stable figure. train_numpy.py
 * measures numpy the same way.
 */
function bestPerCall(op: () => unknown): number {
  let best = Infinity;
  for (let sample = 0; sample < 25; sample++) {
    const start = performance.now();
    for (let i = 0; i < 200; i++) op();
    best = Math.min(best, (performance.now() - start) / 1000 / 200);
  }
  return best;
}

/**
 * Seconds per call of each operation of the training loop, at its shapes, for np and numpy
 * (same names and operands as op_timings in train_numpy.py), weighted by how often one
 * iteration calls it. The scalar-times-small-array and small subtract rows stand for the
 * (1/m)· scalings and the parameter updates.
 */
function timeOperations(): void {
  const rs = new np.random.RandomState(0);
  const [W1, b1, W2, b2] = [rs.randn(4, 2), rs.randn(4, 1), rs.randn(1, 4), rs.randn(1, 1)];
  const Z1 = np.add(np.dot(W1, X), b1);
  const A1 = np.tanh(Z1);
  const Z2 = np.add(np.dot(W2, A1), b2);
  const A2 = sigmoid(Z2);
  const dZ2 = np.subtract(A2, Y);
  const dZ1 = np.multiply(np.dot(W2.T, dZ2), np.subtract(1, np.multiply(A1, A1)));
  const ops: [name: string, callsPerIteration: number, op: () => unknown][] = [
    ["dot(W1, X)", 1, () => np.dot(W1, X)],
    ["dot(W2, A1)", 1, () => np.dot(W2, A1)],
    ["dot(dZ2, A1.T)", 1, () => np.dot(dZ2, A1.T)],
    ["dot(W2.T, dZ2)", 1, () => np.dot(W2.T, dZ2)],
    ["dot(dZ1, X.T)", 1, () => np.dot(dZ1, X.T)],
    ["tanh (4,400)", 1, () => np.tanh(Z1)],
    ["exp (1,400)", 1, () => np.exp(Z2)],
    ["log (1,400)", 2, () => np.log(A2)],
    ["abs (1,400)", 1, () => np.abs(Z2)],
    ["negative (1,400)", 1, () => np.negative(Z2)],
    ["add (4,400)+(4,1)", 1, () => np.add(Z1, b1)],
    ["add (1,400)+(1,1)", 1, () => np.add(Z2, b2)],
    ["add (1,400)+(1,400)", 1, () => np.add(A2, Z2)],
    ["add scalar (1,400)", 1, () => np.add(1, A2)],
    ["subtract scalar (1,400)", 2, () => np.subtract(1, A2)],
    ["subtract scalar (4,400)", 1, () => np.subtract(1, A1)],
    ["subtract (1,400)-(1,400)", 1, () => np.subtract(A2, Y)],
    ["multiply (1,400)*(1,400)", 2, () => np.multiply(A2, Y)],
    ["multiply (4,400)*(4,400)", 2, () => np.multiply(A1, A1)],
    ["multiply scalar (4,2)", 8, () => np.multiply(1.2, W1)],
    ["subtract (4,2)-(4,2)", 4, () => np.subtract(W1, W1)],
    ["divide scalar/(1,400)", 1, () => np.divide(1, A2)],
    ["divide (1,400)/(1,400)", 1, () => np.divide(A2, Z2)],
    ["greater_equal (1,400), 0", 1, () => np.greater_equal(Z2, 0)],
    ["where (1,400)", 1, () => np.where(np.greater_equal(Z2, 0), A2, Z2)],
    ["sum (1,400)", 1, () => np.sum(A2)],
    ["sum (4,400) axis 1 keepdims", 2, () => np.sum(dZ1, { axis: 1, keepdims: true })],
  ];
  const npPerCall = new Map<string, number>();
  for (const [name, , op] of ops) {
    for (let i = 0; i < 2000; i++) op(); // warm-up: let V8 optimise before timing
    npPerCall.set(name, bestPerCall(op));
  }
  const python = runNumpy(["--ops"]);
  const numpyPerCall = python.ok ? numpyOpsReport.parse(JSON.parse(python.stdout)).ops : {};
  if (!python.ok) process.stdout.write(`numpy: skipped (${python.reason})\n`);
  const us = (seconds: number | undefined): string => (seconds === undefined ? "       -" : (seconds * 1e6).toFixed(2).padStart(8));
  let npTotal = 0;
  let numpyTotal = 0;
  const rows = ops.map(([name, calls]) => {
    const a = npPerCall.get(name)!;
    const b = numpyPerCall[name];
    npTotal += a * calls;
    numpyTotal += (b ?? 0) * calls;
    return { name, calls, a, b };
  });
  process.stdout.write(`per operation, best µs per call (np in Node ${process.version} | numpy), and np's µs per training iteration\n`);
  process.stdout.write(`${"operation".padEnd(30)} calls      np   numpy  ratio  np µs/iter  share\n`);
  for (const { name, calls, a, b } of [...rows].sort((x, y) => y.a * y.calls - x.a * x.calls)) {
    const ratio = b === undefined ? "    -" : (a / b).toFixed(1).padStart(5);
    const share = `${((100 * a * calls) / npTotal).toFixed(1)}%`.padStart(6);
    process.stdout.write(`${name.padEnd(30)} ${String(calls).padStart(5)} ${us(a)} ${us(b)} ${ratio}  ${us(a * calls)}   ${share}\n`);
  }
  process.stdout.write(`${"sum over one iteration".padEnd(30)}       ${us(npTotal)} ${us(numpyTotal || undefined)}\n`);
}
