// Micro-benchmarks of np's kernels at the training loop's shapes (features 2, hidden units 4,
// examples 400), for the np engineer: what a result's storage costs (its own ArrayBuffer against
// a view carved from a slab, kernels/alloc.ts), the dot paths (inner dimension ≤ 4, thin outputs)
// and the transposes the backward pass makes. Run with `npx tsx bench/np.bench.ts` or
// `npm run bench -- np`. bench/train.bench.ts --ops compares the same operations with numpy.
import * as np from "../grader/np/index";
import { allocFloat64 } from "../grader/np/kernels/alloc";

/** Best of 25 samples of 500 calls, in µs per call: on a shared machine the minimum is the stable figure. */
function bestMicroseconds(op: () => unknown): number {
  for (let i = 0; i < 2000; i++) op(); // let V8 optimise first
  let best = Infinity;
  for (let sample = 0; sample < 25; sample++) {
    const start = performance.now();
    for (let i = 0; i < 500; i++) op();
    best = Math.min(best, ((performance.now() - start) * 1000) / 500);
  }
  return best;
}

const rs = new np.random.RandomState(0);
const X = rs.randn(2, 400);
const W1 = rs.randn(4, 2);
const W2 = rs.randn(1, 4);
const A1 = np.tanh(np.dot(W1, X));
const dZ2 = rs.randn(1, 400);
const dZ1 = rs.randn(4, 400);

let sink: unknown;
const rows: [string, () => unknown][] = [
  ["new Float64Array(1600)", () => (sink = new Float64Array(1600))],
  ["allocFloat64(1600) (slab view)", () => (sink = allocFloat64(1600))],
  ["new Float64Array(400)", () => (sink = new Float64Array(400))],
  ["allocFloat64(400) (slab view)", () => (sink = allocFloat64(400))],
  ["multiply (4,400)*(4,400)", () => np.multiply(A1, A1)],
  ["subtract 1 - (4,400)", () => np.subtract(1, A1)],
  ["tanh (4,400)", () => np.tanh(A1)],
  ["dot(W1, X)  k = 2", () => np.dot(W1, X)],
  ["dot(W2, A1)  k = 4", () => np.dot(W2, A1)],
  ["X.T  (2,400)", () => X.T],
  ["A1.T  (4,400)", () => A1.T],
  ["dot(dZ2, A1.T)  m = 4", () => np.dot(dZ2, A1.T)],
  ["dot(dZ1, X.T)  m = 2", () => np.dot(dZ1, X.T)],
];

process.stdout.write(`np kernels at the training loop's shapes, best µs per call (Node ${process.version})\n`);
for (const [name, op] of rows) process.stdout.write(`${name.padEnd(34)} ${bestMicroseconds(op).toFixed(2).padStart(8)}\n`);
if (sink === undefined) process.stdout.write("\n");
