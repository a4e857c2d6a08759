// Sandbox benchmark: what one small learner job (an activation function on a 4×100 array) costs
// through the pre-forked worker pool, against the classic judge design of one fresh `node`
// process per job doing the same work without an isolate. Prints latency percentiles on a warm
// pool, then throughput at concurrency 1, 2 and 4 for recycleAfter = 50 (default) and 1, and for
// a fresh process per job. Run alone with `npx tsx bench/sandbox.bench.ts` (options: --jobs N
// --latency-jobs N), or with every benchmark via `npm run bench`.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import { buildRuntimeBundle } from "../grader/sandbox/assets";
import { createSandboxPool, type SandboxJob, type SandboxPool, transpileLearnerCode } from "../grader/sandbox/index";

const { values } = parseArgs({ options: { jobs: { type: "string", default: "60" }, "latency-jobs": { type: "string", default: "200" } } });
const jobsPerRun = z.coerce.number().int().positive().parse(values.jobs);
const latencyJobs = z.coerce.number().int().positive().parse(values["latency-jobs"]);

const SOURCE = `import * as np from "np";

export function relu(z: np.NDArray): np.NDArray {
  return np.maximum(0, z);
}
`;
const data = Array.from({ length: 400 }, (_, i) => Math.sin(i));
const JOB: SandboxJob = { source: SOURCE, filename: "relu.ts", entry: "relu", calls: [{ args: [{ $nd: { shape: [4, 100], data } }] }] };

function percentile(sorted: readonly number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

const ms = (x: number): string => `${x.toFixed(1).padStart(7)} ms`;

async function runOne(pool: SandboxPool): Promise<void> {
  const outcome = await pool.run(JOB);
  if (outcome.kind !== "done" || outcome.calls[0]?.ok !== true) throw new Error(`bench job failed: ${JSON.stringify(outcome).slice(0, 300)}`);
}

/** Runs `total` jobs with `concurrency` in flight; returns jobs per second. */
async function throughput(total: number, concurrency: number, runJob: () => Promise<void>): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        next += 1;
        await runJob();
      }
    }),
  );
  return total / ((performance.now() - started) / 1000);
}

async function waitForWarmPool(pool: SandboxPool, size: number): Promise<void> {
  // Warm every worker (and its V8 code cache) before measuring.
  await Promise.all(Array.from({ length: size * 2 }, () => runOne(pool)));
}

// ---- the classic judge: one fresh node process per job, same runtime, no isolate ----
const compiled = await transpileLearnerCode(SOURCE, "relu.ts");
if (!compiled.ok) throw new Error(compiled.error.message);
const runtimeBundle = await buildRuntimeBundle();
const scratch = mkdtempSync(join(tmpdir(), "sandbox-bench-"));
const judgeScript = join(scratch, "judge.cjs");
writeFileSync(
  judgeScript,
  `${runtimeBundle}
const rt = globalThis.__sandboxRuntime;
const write = process.stdout.write.bind(process.stdout);
rt.init(JSON.stringify({ filename: "relu.ts", stdoutCap: 65536, mathRandomSeed: 0 }));
globalThis.__learnerModule = function (exports, require, module, console) {
${compiled.code}
};
rt.load("relu");
write(rt.call(${JSON.stringify(JSON.stringify([{ $nd: { shape: [4, 100], data } }]))}, -1));
`,
);

function freshProcessJob(): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [judgeScript], { stdio: ["ignore", "pipe", "inherit"], env: { NODE_ENV: "production" } });
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString("utf8")));
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 && out.startsWith('{"ok":true') ? resolve() : reject(new Error(`judge process failed (${code}): ${out.slice(0, 200)}`))));
  });
}

const size = availableParallelism();
process.stdout.write(`sandbox bench: relu on a 4×100 array, pool size ${size} (os.availableParallelism), ${jobsPerRun} jobs per throughput run\n\n`);

// ---- latency on a warm pool ----
{
  const pool = createSandboxPool({ size });
  await waitForWarmPool(pool, size);
  const latencies: number[] = [];
  for (let i = 0; i < latencyJobs; i++) {
    const started = performance.now();
    await runOne(pool);
    latencies.push(performance.now() - started);
  }
  await pool.close();
  latencies.sort((a, b) => a - b);
  process.stdout.write(`latency, warm pool, one job at a time (${latencyJobs} jobs)\n`);
  process.stdout.write(`  p50 ${ms(percentile(latencies, 50))}   p95 ${ms(percentile(latencies, 95))}   p99 ${ms(percentile(latencies, 99))}   max ${ms(latencies.at(-1) ?? Number.NaN)}\n\n`);
}

// ---- throughput ----
const rows: { design: string; perConcurrency: number[] }[] = [];
const concurrencies = [1, 2, 4];
for (const recycleAfter of [50, 1]) {
  const perConcurrency: number[] = [];
  for (const concurrency of concurrencies) {
    const pool = createSandboxPool({ size, recycleAfter });
    await waitForWarmPool(pool, size);
    perConcurrency.push(await throughput(jobsPerRun, concurrency, () => runOne(pool)));
    await pool.close();
  }
  rows.push({ design: `pool, recycleAfter = ${recycleAfter}${recycleAfter === 50 ? " (default)" : ""}`, perConcurrency });
}
{
  const perConcurrency: number[] = [];
  const latencies: number[] = [];
  for (const concurrency of concurrencies) {
    perConcurrency.push(
      await throughput(Math.max(10, Math.floor(jobsPerRun / 2)), concurrency, async () => {
        const started = performance.now();
        await freshProcessJob();
        if (concurrency === 1) latencies.push(performance.now() - started);
      }),
    );
  }
  rows.push({ design: "fresh node process per job (classic judge)", perConcurrency });
  latencies.sort((a, b) => a - b);
  process.stdout.write(`latency, fresh node process per job, one at a time (${latencies.length} jobs)\n`);
  process.stdout.write(`  p50 ${ms(percentile(latencies, 50))}   p95 ${ms(percentile(latencies, 95))}   p99 ${ms(percentile(latencies, 99))}\n\n`);
}
rmSync(scratch, { recursive: true, force: true });

process.stdout.write(`throughput (jobs/s)                             ${concurrencies.map((c) => `c=${c}`.padStart(8)).join("")}\n`);
for (const row of rows) {
  process.stdout.write(`  ${row.design.padEnd(46)}${row.perConcurrency.map((x) => x.toFixed(1).padStart(8)).join("")}\n`);
}
