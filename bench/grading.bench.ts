// Grading latency and throughput, submission → verdict, end to end through the sandbox pool:
//   1. latency p50/p95/p99 per exercise on a warm pool (size 2), one submission at a time;
//   2. throughput at concurrency 1, 2 and 4 on the warm pool;
//   3. the same with recycleAfter = 1 (a fresh worker process for every sandbox job);
//   4. a fresh Node process per submission (`lab grade`), the baseline the pool must beat ≥ 5×.
// Submissions are the exercises' own solution, alternatives and known mistakes, each with a new
// seed (as in production, so reference outputs are not served from the cache).
// Run: npm run bench -- grading   (BENCH_QUICK=1 for fewer samples). Targets on the 2-core
// machine: p50 < 50 ms for activations, < 150 ms for backprop with its gradient check.
import { spawn } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createGrader } from "../grader/index";
import { createSandboxPool } from "../grader/sandbox/index";

const root = fileURLToPath(new URL("..", import.meta.url));
const quick = process.env["BENCH_QUICK"] === "1";
const EXERCISES = ["sigmoid", "backward-propagation"] as const;
const LATENCY_SAMPLES = quick ? 20 : 60;
const THROUGHPUT_SUBMISSIONS = quick ? 12 : 40;
const PROCESS_SAMPLES = quick ? 2 : 4;

interface Submission {
  readonly exerciseId: string;
  readonly file: string;
  readonly code: string;
}

function submissionsOf(exerciseId: string): Submission[] {
  const dir = join(root, "exercises", exerciseId);
  const files = ["solution.ts", ...["alternatives", "mistakes"].flatMap((sub) => readdirSync(join(dir, sub)).map((f) => `${sub}/${f}`))];
  return files.map((file) => ({ exerciseId, file: join(dir, file), code: readFileSync(join(dir, file), "utf8") }));
}

function percentile(sorted: readonly number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

const ms = (x: number) => `${x.toFixed(1).padStart(7)} ms`;
let seed = 1000;

async function withGrader<T>(recycleAfter: number, body: (grade: (s: Submission) => Promise<void>) => Promise<T>): Promise<T> {
  const sandbox = createSandboxPool({ size: 2, recycleAfter });
  const grader = createGrader({ sandbox });
  const grade = async (s: Submission) => {
    const verdict = await grader.gradeSubmission({ exerciseId: s.exerciseId, code: s.code, seed: seed++, locale: "en" });
    if (verdict.graderError) throw new Error(`grader error on ${s.file}: ${verdict.error?.message ?? ""}`);
  };
  try {
    // Warm up: workers forked, runtime bundle built, exercise loaded, code paths compiled.
    for (const id of EXERCISES) for (const s of submissionsOf(id)) await grade(s);
    return await body(grade);
  } finally {
    await sandbox.close();
  }
}

async function latency(recycleAfter: number): Promise<void> {
  await withGrader(recycleAfter, async (grade) => {
    for (const id of EXERCISES) {
      const subs = submissionsOf(id);
      const times: number[] = [];
      for (let i = 0; i < LATENCY_SAMPLES; i++) {
        const s = subs[i % subs.length];
        if (!s) continue;
        const t0 = performance.now();
        await grade(s);
        times.push(performance.now() - t0);
      }
      times.sort((a, b) => a - b);
      console.log(
        `  ${id.padEnd(22)} n=${times.length}  p50 ${ms(percentile(times, 50))}  p95 ${ms(percentile(times, 95))}  p99 ${ms(percentile(times, 99))}`,
      );
    }
  });
}

async function throughput(recycleAfter: number): Promise<Map<number, number>> {
  const results = new Map<number, number>();
  await withGrader(recycleAfter, async (grade) => {
    const all = EXERCISES.flatMap((id) => submissionsOf(id));
    for (const concurrency of [1, 2, 4]) {
      let next = 0;
      const t0 = performance.now();
      await Promise.all(
        Array.from({ length: concurrency }, async () => {
          for (;;) {
            const i = next++;
            if (i >= THROUGHPUT_SUBMISSIONS) return;
            const s = all[i % all.length];
            if (s) await grade(s);
          }
        }),
      );
      const perSecond = THROUGHPUT_SUBMISSIONS / ((performance.now() - t0) / 1000);
      results.set(concurrency, perSecond);
      console.log(`  concurrency ${concurrency}: ${perSecond.toFixed(2).padStart(7)} submissions/s`);
    }
  });
  return results;
}

function gradeInFreshProcess(s: Submission): Promise<number> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, ["--import", "tsx", join(root, "bin", "lab.ts"), "grade", s.exerciseId, s.file, "--json", "--seed", String(seed++)], {
      cwd: root,
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString("utf8")));
    child.on("error", reject);
    child.on("exit", (code) => {
      if (code !== 0) reject(new Error(`lab grade exited with ${code}: ${out.slice(0, 200)}`));
      else resolve(performance.now() - t0);
    });
  });
}

async function processPerSubmission(): Promise<number> {
  const all = EXERCISES.flatMap((id) => submissionsOf(id).slice(0, PROCESS_SAMPLES));
  const times: number[] = [];
  for (const s of all) times.push(await gradeInFreshProcess(s));
  times.sort((a, b) => a - b);
  const perSecond = times.length / (times.reduce((a, b) => a + b, 0) / 1000);
  console.log(`  n=${times.length}  p50 ${ms(percentile(times, 50))}  max ${ms(times[times.length - 1] ?? Number.NaN)}  → ${perSecond.toFixed(2)} submissions/s (sequential)`);
  return perSecond;
}

console.log("Warm pool (size 2, recycleAfter 200): latency per submission");
await latency(200);
console.log("Warm pool (size 2, recycleAfter 200): throughput");
const warm = await throughput(200);
console.log("Pool with recycleAfter = 1 (fresh worker process per job): latency");
await latency(1);
console.log("Pool with recycleAfter = 1: throughput");
await throughput(1);
console.log("Fresh Node process per submission (lab grade)");
const fresh = await processPerSubmission();
const best = Math.max(...warm.values());
console.log(`Warm pool vs process per submission: ${(best / fresh).toFixed(1)}× the throughput (target ≥ 5×)`);
