// Training benchmark: the reference network (tanh, nH = 4, 10,000 iterations, learning rate 1.2)
// on the planar data set, with our np in Node against the same loop in numpy
// (bench/train_numpy.py, spawned here). Prints both wall times, both final costs and the ratio
// np / numpy; the target is a ratio ≤ 1.0. Run alone with `npx tsx bench/train.bench.ts`
// (options: --iterations N --repeats R), or with every benchmark via `npm run bench`.
import { spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { z } from "zod";
import { nnModel } from "../grader/nn/network";
import { loadPlanarDataset } from "../grader/nn/planar";

const { values } = parseArgs({ options: { iterations: { type: "string", default: "10000" }, repeats: { type: "string", default: "3" } } });
const iterations = z.coerce.number().int().positive().parse(values.iterations);
const repeats = z.coerce.number().int().positive().parse(values.repeats);

const numpyReport = z.object({ numpy: z.string(), seconds: z.array(z.number()), finalCost: z.number() });

function median(xs: readonly number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const format = (seconds: number): string => `${seconds.toFixed(3)} s`;

const { X, Y } = loadPlanarDataset();

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
process.stdout.write(`np (Node ${process.version}):  ${format(median(npSeconds))}  (runs ${npSeconds.map(format).join(", ")})  final cost ${npCost}\n`);

// numpy would spread the small matrix products over threads; one thread compares like with like.
const script = join(dirname(fileURLToPath(import.meta.url)), "train_numpy.py");
const python = spawnSync("python3", [script, "--iterations", String(iterations), "--repeats", String(repeats)], {
  encoding: "utf8",
  env: { ...process.env, OPENBLAS_NUM_THREADS: "1", OMP_NUM_THREADS: "1", MKL_NUM_THREADS: "1" },
});
if (python.error !== undefined || python.status !== 0) {
  process.stdout.write(`numpy: skipped (python3 with numpy did not run: ${python.error?.message ?? python.stderr.trim()})\n`);
} else {
  const report = numpyReport.parse(JSON.parse(python.stdout));
  const numpySeconds = median(report.seconds);
  const costGap = Math.abs(npCost - report.finalCost) / Math.abs(report.finalCost);
  process.stdout.write(`numpy ${report.numpy}:      ${format(numpySeconds)}  (runs ${report.seconds.map(format).join(", ")})  final cost ${report.finalCost}\n`);
  process.stdout.write(`final costs differ by ${costGap.toExponential(2)} relative (numpy's BLAS and libm round differently in the last bits)\n`);
  process.stdout.write(`ratio np / numpy: ${(median(npSeconds) / numpySeconds).toFixed(2)} (target ≤ 1.00)\n`);
}
