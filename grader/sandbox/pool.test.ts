// The pool end to end, through real worker processes: values in and out, learner errors with the
// learner's line and column, console capture, module mode, determinism, limits and recycling.
// The adversarial cases live in tests/redteam.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, readlinkSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createSandboxPool } from "./pool";
import { removeOrphanedWorkerFolders } from "./sandbox-worker";
import type { SandboxOutcome, SandboxResult } from "./protocol";

const pool = createSandboxPool({ size: 2, recycleAfter: 5 });
afterAll(() => pool.close());

function done(outcome: SandboxOutcome): SandboxResult {
  if (outcome.kind !== "done") throw new Error(`grader error: ${outcome.message}`);
  return outcome;
}

const SIGMOID = `import * as np from "np";

export function sigmoid(z: np.NDArray): np.NDArray {
  return np.divide(1, np.add(1, np.exp(np.negative(z))));
}
`;

describe("createSandboxPool().run", () => {
  it("runs a learner function on np arrays and returns plain $nd data", async () => {
    const result = done(await pool.run({ source: SIGMOID, filename: "sigmoid.ts", entry: "sigmoid", calls: [{ args: [{ $nd: { shape: [1, 3], data: [0, 2, -2] } }] }] }));
    const call = result.calls[0];
    expect(call?.ok).toBe(true);
    if (!call?.ok) return;
    expect(call.value).toEqual({ $nd: { shape: [1, 3], data: Float64Array.from([0.5, 1 / (1 + Math.exp(-2)), 1 / (1 + Math.exp(2))]) } });
    expect(call.durationMs).toBeGreaterThan(0);
  });

  it("carries NaN, ±Infinity and -0 both ways, in scalars and arrays", async () => {
    const source = "export const echo = (x: unknown) => x;";
    const value = { a: Number.NaN, b: [Infinity, -Infinity, -0], c: { $nd: { shape: [3], data: [Number.NaN, Infinity, -Infinity] } } };
    const result = done(await pool.run({ source, filename: "echo.ts", entry: "echo", calls: [{ args: [value] }] }));
    expect(result.calls[0]).toMatchObject({ ok: true, value: { a: Number.NaN, b: [Infinity, -Infinity, -0], c: { $nd: { shape: [3], data: Float64Array.from([Number.NaN, Infinity, -Infinity]) } } } });
  });

  it("materialises a trusted $fn argument as a function with np in scope", async () => {
    const source = "export const apply = (J: (x: unknown) => unknown, x: unknown) => J(x);";
    const J = { $fn: "(theta) => np.sum(np.multiply(theta, theta))" };
    const result = done(await pool.run({ source, filename: "apply.ts", entry: "apply", calls: [{ args: [J, { $nd: { shape: [2], data: [3, 4] } }] }] }));
    expect(result.calls[0]).toMatchObject({ ok: true, value: 25 });
  });

  it("points a runtime error at the learner's own line and column (types and blank lines stripped above it)", async () => {
    const source = `import * as np from "np";

interface Params {
  W1: np.NDArray;
  b1: np.NDArray;
}

export function forward(p: Params): np.NDArray {
  const z: np.NDArray = np.dot(p.W1, p.b1);
  return z;
}
`;
    const args = [{ W1: { $nd: { shape: [2, 3], data: [1, 2, 3, 4, 5, 6] } }, b1: { $nd: { shape: [2, 1], data: [1, 2] } } }];
    const result = done(await pool.run({ source, filename: "forward.ts", entry: "forward", calls: [{ args }] }));
    const call = result.calls[0];
    expect(call?.ok).toBe(false);
    if (call?.ok !== false) return;
    expect(call.error.kind).toBe("throw");
    expect(call.error.message).toMatch(/^ValueError: shapes \(2,3\) and \(2,1\) not aligned/);
    expect(call.error.line).toBe(9);
    expect(call.error.column).toBe(28);
  });

  it("reports compile errors with line and column and runs nothing", async () => {
    const result = done(await pool.run({ source: "export function f() {\n  return 1 +;\n}\n", filename: "f.ts", entry: "f", calls: [{ args: [] }] }));
    expect(result.compile).toMatchObject({ line: 2, column: 13 });
    expect(result.calls).toEqual([]);
  });

  it("tells a missing export from an export that is not a function", async () => {
    const source = "export const rate = 0.1;\nexport function other() { return 1; }\n";
    const missing = done(await pool.run({ source, filename: "m.ts", entry: "sigmoid", calls: [{ args: [] }, { args: [] }] }));
    expect(missing.calls).toHaveLength(2);
    expect(missing.calls[0]).toMatchObject({ ok: false, error: { kind: "missing-export" } });
    if (missing.calls[0]?.ok === false) expect(missing.calls[0].error.message).toContain("other, rate");
    const notFunction = done(await pool.run({ source, filename: "m.ts", entry: "rate", calls: [{ args: [] }] }));
    expect(notFunction.calls[0]).toMatchObject({ ok: false, error: { kind: "not-a-function" } });
  });

  it("captures console output per job, capped at stdoutBytes", async () => {
    const source = 'import * as np from "np";\nexport function f(n: number) { for (let i = 0; i < n; i++) console.log("줄", i, np.zeros([2])); return n; }';
    const small = done(await pool.run({ source, filename: "p.ts", entry: "f", calls: [{ args: [2] }] }));
    expect(small.stdout).toBe("줄 0 [0. 0.]\n줄 1 [0. 0.]\n");
    expect(small.stdoutTruncated).toBe(false);
    const flood = done(await pool.run({ source, filename: "p.ts", entry: "f", calls: [{ args: [100_000] }], limits: { timeoutMs: 5_000, memoryMb: 64, wallMs: 20_000, stdoutBytes: 100 } }));
    expect(flood.stdout.length).toBe(100);
    expect(flood.stdoutTruncated).toBe(true);
    expect(flood.calls[0]).toMatchObject({ ok: true, value: 100_000 });
  });

  it("is deterministic: same source, arguments and seeds give the same result", async () => {
    const source = 'import * as np from "np";\nexport const f = () => ({ r: Math.random(), n: np.random.randn(3) });';
    const job = { source, filename: "r.ts", entry: "f", calls: [{ args: [], npSeed: 3 }, { args: [], npSeed: 3 }], mathRandomSeed: 42 };
    const first = done(await pool.run(job));
    const second = done(await pool.run(job));
    expect(second.calls).toEqual(first.calls.map((c) => (c.ok ? { ...c, durationMs: expect.any(Number) as number } : c)));
    // np.random is re-seeded before each call (both calls draw the same numbers); Math.random is
    // seeded once per job, so it moves on.
    const [a, b] = first.calls.map((c) => (c.ok ? (c.value as { r: number; n: unknown }) : undefined));
    expect(a?.n).toEqual(b?.n);
    expect(a?.r).not.toBe(b?.r);
    const other = done(await pool.run({ ...job, mathRandomSeed: 43 }));
    expect(other.calls[0]?.ok && other.calls[0].value).not.toEqual(first.calls[0]?.ok && first.calls[0].value);
  });

  it("awaits async learner functions", async () => {
    const source = "export async function f(x: number) { await null; return x + 1; }";
    const result = done(await pool.run({ source, filename: "a.ts", entry: "f", calls: [{ args: [1] }] }));
    expect(result.calls[0]).toMatchObject({ ok: true, value: 2 });
  });

  it("stops a busy loop at timeoutMs and still serves the next job", async () => {
    const source = "export function f() { for (;;) {} }";
    const started = performance.now();
    const result = done(await pool.run({ source, filename: "l.ts", entry: "f", calls: [{ args: [] }, { args: [] }], limits: { timeoutMs: 200, memoryMb: 32, wallMs: 10_000 } }));
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(result.calls[0]).toMatchObject({ ok: false, error: { kind: "timeout" } });
    expect(result.calls[1]).toMatchObject({ ok: false, error: { kind: "timeout" } });
    const next = done(await pool.run({ source: SIGMOID, filename: "s.ts", entry: "sigmoid", calls: [{ args: [0] }] }));
    expect(next.calls[0]).toMatchObject({ ok: true, value: 0.5 });
  });
});

describe("createSandboxPool().runModule", () => {
  it("returns console output and the error of a module's top level", async () => {
    const outcome = await pool.runModule({ source: 'import * as np from "np";\nconsole.log(np.ones([2, 2]));\nthrow new Error("stop");\n', filename: "main.ts" });
    expect(outcome).toEqual({ kind: "done", stdout: "[[1. 1.]\n [1. 1.]]\n", stdoutTruncated: false, error: { kind: "throw", message: "Error: stop", line: 3, column: 7 } });
  });
});

describe("memory kept by learner programs", () => {
  it("lets a training loop keep small arrays from every iteration under the default 64 MB limit", async () => {
    // 20 000 kept results (320 KB of data) while 250 MB of intermediates come and go: np's pooled
    // result buffers must not make the kept arrays pin their neighbours.
    const source = `import * as np from "np";
const X = np.random.randn(2, 400);
const W = np.random.randn(4, 2);
const kept = [];
for (let i = 0; i < 10000; i++) {
  const Z = np.tanh(np.dot(W, X));
  kept.push(np.mean(np.multiply(Z, Z)));
  kept.push(np.sum(Z, { axis: 1, keepdims: true }));
}
console.log(kept.length);
`;
    const outcome = await pool.runModule({ source, filename: "keep.ts", limits: { memoryMb: 64, timeoutMs: 20_000, wallMs: 40_000 } });
    expect(outcome).toMatchObject({ kind: "done", stdout: "20000\n" });
    expect(outcome.kind === "done" ? outcome.error : "grader error").toBeUndefined();
  });
});

describe("worker recycling", () => {
  it("queues jobs when every worker is busy", async () => {
    const small = createSandboxPool({ size: 1 });
    try {
      const jobs = [0, 1, 2, 3, 4].map((i) => small.run({ source: "export const f = (x: number) => x * 10;", filename: "q.ts", entry: "f", calls: [{ args: [i] }] }));
      const results = (await Promise.all(jobs)).map((outcome) => done(outcome).calls[0]);
      expect(results.map((call) => call?.ok && call.value)).toEqual([0, 10, 20, 30, 40]);
    } finally {
      await small.close();
    }
  });

  it("reports a worker that dies mid-job as a grader error, never a learner result, and replaces it", async () => {
    const fragile = createSandboxPool({ size: 1 });
    try {
      const running = fragile.run({ source: "export function f() { for (;;) {} }", filename: "k.ts", entry: "f", calls: [{ args: [] }], limits: { timeoutMs: 20_000, memoryMb: 32, wallMs: 30_000 } });
      // Wait until the job is on the worker, then kill the worker from outside.
      while (fragile.stats().busy === 0) await new Promise((resolve) => setTimeout(resolve, 10));
      const [pid] = fragile.stats().pids;
      if (pid !== undefined) process.kill(pid, "SIGKILL");
      const outcome = await running;
      expect(outcome.kind).toBe("grader-error");
      if (outcome.kind === "grader-error") expect(outcome.message).toMatch(/sandbox worker crashed \(signal SIGKILL\)/);
      const next = done(await fragile.run({ source: SIGMOID, filename: "s.ts", entry: "sigmoid", calls: [{ args: [0] }] }));
      expect(next.calls[0]).toMatchObject({ ok: true, value: 0.5 });
    } finally {
      await fragile.close();
    }
  });

  it("starts a fresh process for every job with recycleAfter = 1", async () => {
    const fresh = createSandboxPool({ size: 1, recycleAfter: 1 });
    try {
      for (let i = 0; i < 3; i++) done(await fresh.run({ source: SIGMOID, filename: "s.ts", entry: "sigmoid", calls: [{ args: [0] }] }));
      expect(fresh.stats().started).toBeGreaterThanOrEqual(4);
    } finally {
      await fresh.close();
    }
  });

  it("kills a worker past the wall-clock budget and reports a time limit, not a pass", async () => {
    const wall = createSandboxPool({ size: 1 });
    try {
      // Huge BigInt formatting is not interruptible: the isolate's timeout cannot stop it.
      const source = "export function f() { return String(10n ** 2000000n).length; }";
      const result = done(await wall.run({ source, filename: "b.ts", entry: "f", calls: [{ args: [] }], limits: { timeoutMs: 50, memoryMb: 64, wallMs: 300 } }));
      expect(result.calls[0]).toMatchObject({ ok: false, error: { kind: "timeout" } });
      const next = done(await wall.run({ source: SIGMOID, filename: "s.ts", entry: "sigmoid", calls: [{ args: [0] }] }));
      expect(next.calls[0]).toMatchObject({ ok: true, value: 0.5 });
    } finally {
      await wall.close();
    }
  });
});

describe("the host process", () => {
  it("exits by itself: close() resolves after recycling, and idle workers do not hold a host that never calls close()", () => {
    const dir = mkdtempSync(join(tmpdir(), "sandbox-host-"));
    try {
      const script = join(dir, "host.mts");
      const index = JSON.stringify(join(import.meta.dirname, "index.ts"));
      writeFileSync(
        script,
        `import { createSandboxPool } from ${index};
const job = { source: "export const f = () => 42;", filename: "a.ts", entry: "f", calls: [{ args: [] }] };
const recycled = createSandboxPool({ size: 1, recycleAfter: 1 });
for (let i = 0; i < 3; i++) await recycled.run(job);
await recycled.close();
const forgotten = createSandboxPool({ size: 1 });
const out = await forgotten.run(job);
process.stdout.write(out.kind === "done" && out.calls[0]?.ok ? "served" : "failed");
`,
      );
      const host = spawnSync(process.execPath, ["--import", "tsx", script], { cwd: process.cwd(), encoding: "utf8", timeout: 60_000 });
      expect(host.stderr).toBe("");
      expect(host.status).toBe(0);
      expect(host.stdout).toBe("served");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe.runIf(existsSync("/proc/self/environ"))("worker processes", () => {
  it("run with an empty environment, in an empty temporary directory, under OS limits", async () => {
    const isolated = createSandboxPool({ size: 1 });
    try {
      done(await isolated.run({ source: SIGMOID, filename: "s.ts", entry: "sigmoid", calls: [{ args: [0] }] }));
      const [pid] = isolated.stats().pids;
      expect(pid).toBeDefined();
      const environ = readFileSync(`/proc/${pid}/environ`, "utf8").split("\0").filter((entry) => entry !== "");
      // Only what Node's IPC channel adds, and NODE_ENV: no DATABASE_URL, no secrets.
      expect(environ.map((entry) => entry.split("=")[0]).sort()).toEqual(["NODE_CHANNEL_FD", "NODE_CHANNEL_SERIALIZATION_MODE", "NODE_ENV"]);
      const cwd = readlinkSync(`/proc/${pid}/cwd`);
      expect(cwd.startsWith(tmpdir())).toBe(true);
      expect(readdirSync(cwd)).toEqual([]);
      if (existsSync("/usr/bin/prlimit")) {
        const limits = readFileSync(`/proc/${pid}/limits`, "utf8");
        expect(limits).toMatch(/Max core file size\s+0\s+0/);
        expect(limits).toMatch(/Max file size\s+1048576\s+1048576/);
        expect(limits).toMatch(/Max open files\s+256\s+256/);
      }
    } finally {
      await isolated.close();
    }
  });
});

describe("working folders left behind", () => {
  it("are removed when the pool that owned them (the pid in their name) is dead, and kept while it lives", () => {
    const root = mkdtempSync(join(tmpdir(), "sandbox-folders-"));
    try {
      // A process that has exited: its pid names a dead owner.
      const dead = spawnSync(process.execPath, ["-e", ""]).pid;
      expect(dead).toBeGreaterThan(0);
      const mine = `backprop-sandbox-${process.pid}-cccccc`;
      for (const name of [`backprop-sandbox-${dead}-aaaaaa`, `backprop-sandbox-${dead}-bbbbbb`, mine, "backprop-sandbox-dddddd", "unrelated-1-x"]) {
        mkdirSync(join(root, name));
      }
      expect(removeOrphanedWorkerFolders(root)).toBe(2);
      expect(readdirSync(root).sort()).toEqual(["backprop-sandbox-dddddd", mine, "unrelated-1-x"].sort());
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
