// The sandbox red-team suite: hostile learner submissions (tests/redteam/cases/*.js), each with
// the outcome it must end in, run through a real worker pool. Escapes must fail inside the
// isolate, exhaustion must end as a limit within the job's wall-clock budget, tampering must not
// turn a failure into a pass or leak a non-plain value, malformed input must get a clear message.
// After the whole table the same pool must still grade a normal job.
// Add a case: drop a submission in cases/ and a row in the table below.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createSandboxPool } from "../../grader/sandbox/index";
import type { CallResult, LearnerErrorKind, PlainValue, SandboxCall, SandboxLimits, SandboxResult } from "../../grader/sandbox/index";

const CASES = join(import.meta.dirname, "cases");
const LIMITS = { timeoutMs: 500, memoryMb: 64, wallMs: 4_000, stdoutBytes: 10_000 } as const;
// Spawning a replacement worker on a loaded machine is the slow part, not the job.
const GRACE_MS = 3_000;

type Expected =
  | { ok: PlainValue }
  | { error: LearnerErrorKind | readonly LearnerErrorKind[]; message?: RegExp }
  | { compile: RegExp; line?: number };

interface Case {
  readonly file: string;
  readonly why: string;
  readonly expect: Expected;
  readonly entry?: string;
  readonly calls?: readonly SandboxCall[];
  readonly limits?: Partial<SandboxLimits>;
  readonly check?: (result: SandboxResult) => void;
}

const ND = (shape: number[], data: number[]): PlainValue => ({ $nd: { shape, data } });

const TABLE: readonly Case[] = [
  // ---- escape attempts ----
  { file: "escape-constructor-chain.js", why: "Function constructor from a literal sees no process", expect: { error: "throw", message: /ReferenceError: process is not defined/ } },
  { file: "escape-args-constructor.js", why: "Function constructor from an input sees no process", calls: [{ args: [ND([1], [1])] }], expect: { error: "throw", message: /process is not defined/ } },
  { file: "escape-require-static.js", why: "a static import of node:fs is refused at compile time", expect: { compile: /only the np module can be imported.*node:fs/, line: 1 } },
  { file: "escape-require-dynamic.js", why: "a computed require is refused at run time", expect: { error: "throw", message: /only the np module can be imported/ } },
  { file: "escape-dynamic-import.js", why: "a computed import() is refused", expect: { error: "throw", message: /only the np module can be imported/ } },
  { file: "escape-eval-import.js", why: "import() inside eval has no module loader", expect: { error: "throw" } },
  { file: "escape-host-globals.js", why: "no host global is reachable", expect: { ok: [] } },
  { file: "escape-globalthis-probe.js", why: "only console and require are added to ECMAScript", expect: { ok: ["console", "require"] } },
  { file: "escape-fetch.js", why: "no network", expect: { error: "throw", message: /fetch is not defined/ } },

  // ---- resource exhaustion ----
  { file: "busy-loop.js", why: "busy loop", calls: [{ args: [] }, { args: [] }], expect: { error: "timeout" } },
  { file: "top-level-loop.js", why: "a module that never finishes loading", expect: { error: "timeout" } },
  { file: "microtask-loop.js", why: "an await loop never yields to the host", expect: { error: "timeout" } },
  { file: "microtask-chain.js", why: "a promise chain scheduled after a return", expect: { error: "timeout" } },
  { file: "never-settling.js", why: "a promise that never settles", expect: { error: "timeout", message: /never settled/ } },
  { file: "memory-bomb.js", why: "heap exhaustion", limits: { timeoutMs: 5_000, wallMs: 8_000 }, expect: { error: "memory" } },
  { file: "typed-array-bomb.js", why: "array buffers outside the heap", expect: { error: ["memory", "throw"], message: /memory|allocation failed/i } },
  { file: "string-bomb.js", why: "doubling strings", expect: { error: ["memory", "throw"] } },
  { file: "webassembly.js", why: "WebAssembly memory escapes memoryLimit, so it is gone", expect: { error: "throw", message: /WebAssembly is not defined/ } },
  { file: "deep-recursion.js", why: "stack overflow", expect: { error: "throw", message: /Maximum call stack size exceeded/ } },
  { file: "atomics-wait.js", why: "Atomics.wait would block the worker", expect: { error: "throw", message: /is not defined/ } },
  { file: "bigint-parse.js", why: "non-interruptible work: the wall clock or the CPU check stops it", limits: { wallMs: 1_500 }, expect: { error: ["timeout", "cpu"] } },
  {
    file: "output-flood.js",
    why: "endless output is capped and then stopped",
    expect: { error: "timeout" },
    check: (result) => {
      expect(result.stdout.length).toBeLessThanOrEqual(LIMITS.stdoutBytes);
      expect(result.stdoutTruncated).toBe(true);
    },
  },
  {
    file: "output-flood-returns.js",
    why: "a big but finite output keeps the result",
    expect: { ok: 7 },
    check: (result) => {
      expect(result.stdout.length).toBe(LIMITS.stdoutBytes);
      expect(result.stdoutTruncated).toBe(true);
      expect(result.stdout.startsWith("line 0 xxx")).toBe(true);
    },
  },
  {
    file: "huge-error-message.js",
    why: "a 50 MB error message is clipped inside the isolate",
    // The case is about clipping, not time: flattening 50 MB took over the suite's 500 ms on a
    // loaded 2-core machine (timeout or cpu instead of throw), so it gets memory-bomb's time.
    limits: { memoryMb: 256, timeoutMs: 5_000, wallMs: 8_000 },
    expect: { error: "throw", message: /^Error: x{100}.*\(clipped\)$/ },
    check: (result) => {
      const call = result.calls[0];
      expect(call !== undefined && !call.ok && call.error.message.length).toBeLessThan(2_100);
    },
  },

  // ---- verdict tampering ----
  { file: "patch-array-prototype.js", why: "patched Array built-ins do not change the result", calls: [{ args: [1] }], expect: { ok: [1, 2, 3] } },
  { file: "patch-object-prototype.js", why: "fake ok/value/toJSON on Object.prototype do not turn a throw into a pass", calls: [{ args: [] }, { args: [] }], expect: { error: "throw", message: /real failure/ } },
  { file: "patch-json.js", why: "patched JSON and String built-ins do not change arguments or results", calls: [{ args: [1] }, { args: [2] }], expect: { error: "throw", message: /still failing/ }, check: (result) => expect(result.calls[1]).toMatchObject({ ok: true, value: 2 }) },
  { file: "patch-float64array.js", why: "patched typed-array accessors do not change the returned data", expect: { ok: { $nd: { shape: [2], data: Float64Array.from([1, 1]) } } } },
  { file: "patch-np-shape.js", why: "a shape that lies about the data is refused", expect: { error: "throw", message: /shape does not match its data/ } },
  {
    file: "patch-np-prototype.js",
    why: "patched np methods only change the learner's own view",
    calls: [{ args: [ND([2], [1, 2])] }],
    expect: { ok: { $nd: { shape: [2], data: Float64Array.from([2, 4]) } } },
    // console.log formats arrays with the sandbox's own copy of NDArray.prototype.toString.
    check: (result) => expect(result.stdout).toBe("[1. 2.]\n"),
  },
  { file: "huge-result.js", why: "an 80 MB result is refused as too large", limits: { memoryMb: 256, timeoutMs: 3_000, wallMs: 8_000 }, expect: { error: ["too-large", "memory"], message: /over the budget of 1000000 per dimension|memory/ } },
  {
    file: "shape-bomb.js",
    why: "a zero-size array with a billion rows is over the shape budget, not expanded by the host",
    expect: { error: "too-large", message: /^the returned array has shape \(1000000000, 0\): dimension 0 is over the budget of 1000000 per dimension$/ },
  },
  {
    file: "shape-bomb.js",
    entry: "g",
    why: "zero-size dimensions that multiply (zeros counted as 1) past the element budget",
    expect: { error: "too-large", message: /^the returned array has shape \(2000, 2000, 0\): over the budget of 1000000 elements$/ },
  },
  {
    file: "huge-string-output.js",
    why: "a 15-million-character result crosses once; past the job's result budget later calls are refused",
    calls: [{ args: [] }, { args: [] }, { args: [] }, { args: [] }, { args: [] }, { args: [] }],
    limits: { memoryMb: 256, timeoutMs: 3_000, wallMs: 10_000 },
    expect: { ok: "x".repeat(15_000_000) },
    check: (result) => {
      // 4 × 15 M characters fit the 64 M budget of a job's results; the 5th does not.
      expect(result.calls.map((call) => (call.ok ? typeof call.value === "string" && call.value.length : call.error.kind))).toEqual([
        15_000_000, 15_000_000, 15_000_000, 15_000_000, "too-large", "too-large",
      ]);
      const fifth = result.calls[4];
      expect(fifth !== undefined && !fifth.ok && fifth.error.message).toMatch(/over the budget of 64000000 characters/);
    },
  },
  { file: "proxy-result.js", why: "a Proxy claiming a huge length", expect: { error: ["timeout", "throw", "memory"] } },
  { file: "looping-getter-result.js", why: "a looping getter on the result is read inside the timed call", expect: { error: "timeout" } },
  { file: "looping-getter-thrown.js", why: "a looping getter on a thrown value is read inside the timed call", expect: { error: "timeout" } },
  { file: "proxy-thrown.js", why: "a thrown Proxy whose traps throw", expect: { error: "throw", message: /could not be read/ } },
  { file: "prepare-stack-trace.js", why: "Error.prepareStackTrace cannot be replaced", expect: { error: "throw", message: /Error: boom/ } },
  { file: "shared-buffer-result.js", why: "no shared memory to mutate after the result is read", expect: { error: "throw", message: /SharedArrayBuffer is not defined/ } },
  { file: "mutate-inputs.js", why: "every call gets fresh arguments", calls: [{ args: [ND([2], [1, 2])] }, { args: [ND([2], [1, 2])] }], expect: { ok: 1 } },
  {
    file: "fake-stdout.js",
    why: "printed result-shaped JSON stays console output",
    expect: { error: "throw", message: /wrong answer/ },
    check: (result) => expect(result.stdout).toContain('"ok":true'),
  },
  { file: "reserved-key.js", why: "a learner cannot forge a trusted $fn", expect: { error: "throw", message: /reserved/ } },
  { file: "returns-function.js", why: "a function is not a value", expect: { error: "throw", message: /function was returned/ } },
  { file: "cyclic-result.js", why: "a cycle is refused, not followed forever", expect: { error: "throw", message: /nested too deeply/ } },

  // ---- malformed input ----
  { file: "syntax-error.js", why: "syntax error with its position", expect: { compile: /Unexpected "\*"/, line: 2 } },

  // ---- compile bombs: compiling is the learner's work, under the learner's budgets ----
  { file: "compile-bomb-braces.js", why: "24,500 nested braces are refused before any parser sees them", expect: { compile: /brackets nested deeper than 100 levels/, line: 2 } },
  { file: "compile-bomb-labels.js", why: "12,000 chained labels are refused before any parser sees them", expect: { compile: /labels chained deeper than 100 levels/, line: 2 } },
  { file: "compile-slow-nesting.js", why: "a compile over its time budget is the learner's compile error", limits: { compileTimeoutMs: 100 }, expect: { compile: /compiling took longer than 100 ms/ } },
  { file: "compile-slow-nesting.js", why: "a compile over its memory budget is the learner's compile error", limits: { compileMemoryMb: 4 }, expect: { compile: /compiling needed more than 4 MB/ } },
  { file: "empty.js", why: "an empty file exports nothing", expect: { error: "missing-export", message: /does not export "f" \(it exports nothing\)/ } },
  { file: "wrong-export.js", why: "a misspelt export is named", expect: { error: "missing-export", message: /it exports: sigmoidd/ } },
  { file: "export-not-function.js", why: "an exported constant is not callable", expect: { error: "not-a-function", message: /not a function \(it is number\)/ } },
  { file: "nan-output.js", why: "NaN and -Infinity come back as numbers", expect: { ok: { $nd: { shape: [3], data: Float64Array.from([Number.NaN, -Infinity, 0]) } } } },
];

const pool = createSandboxPool({ size: 2 });
afterAll(() => pool.close());

function checkCall(call: CallResult | undefined, expected: Expected): void {
  expect(call, "a result for every call").toBeDefined();
  if (call === undefined) return;
  if ("ok" in expected) {
    expect(call).toMatchObject({ ok: true });
    if (call.ok) expect(call.value).toEqual(expected.ok);
    return;
  }
  if ("error" in expected) {
    expect(call.ok, `expected a learner error, got ${JSON.stringify(call)}`).toBe(false);
    if (call.ok) return;
    const kinds: readonly LearnerErrorKind[] = typeof expected.error === "string" ? [expected.error] : expected.error;
    expect(kinds, call.error.message.slice(0, 300)).toContain(call.error.kind);
    expect(call.error.message.length).toBeGreaterThan(0);
    if (expected.message) expect(call.error.message).toMatch(expected.message);
  }
}

describe("sandbox red team", () => {
  it.each(TABLE)("$file: $why", async (testCase) => {
    const source = readFileSync(join(CASES, testCase.file), "utf8");
    const limits = { ...LIMITS, ...testCase.limits };
    const calls = testCase.calls ?? [{ args: [] }];
    const started = performance.now();
    const outcome = await pool.run({ source, filename: testCase.file, entry: testCase.entry ?? "f", calls: [...calls], limits });
    expect(performance.now() - started).toBeLessThan(limits.wallMs + GRACE_MS);
    expect(outcome.kind, outcome.kind === "grader-error" ? outcome.message : "").toBe("done");
    if (outcome.kind !== "done") return;
    const expected = testCase.expect;
    if ("compile" in expected) {
      expect(outcome.compile?.message).toMatch(expected.compile);
      if (expected.line !== undefined) expect(outcome.compile?.line).toBe(expected.line);
      expect(outcome.calls).toEqual([]);
      return;
    }
    expect(outcome.compile).toBeUndefined();
    expect(outcome.calls).toHaveLength(calls.length);
    checkCall(outcome.calls[0], expected);
    if (testCase.check) testCase.check(outcome);
    else for (const call of outcome.calls.slice(1)) checkCall(call, expected);
  });

  it("still grades a normal job after the whole table", async () => {
    const source = 'import * as np from "np";\nexport const relu = (z: np.NDArray) => np.maximum(0, z);\n';
    const outcome = await pool.run({ source, filename: "relu.ts", entry: "relu", calls: [{ args: [ND([3], [-1, 0, 2])] }] });
    expect(outcome).toMatchObject({ kind: "done", calls: [{ ok: true, value: { $nd: { shape: [3], data: Float64Array.from([0, 0, 2]) } } }] });
  });

  it("starts every job in a fresh isolate: globals do not survive between jobs", async () => {
    const source = "export function f() { globalThis.count = (globalThis.count ?? 0) + 1; Object.prototype.polluted = true; return globalThis.count; }";
    for (let i = 0; i < 3; i++) {
      const outcome = await pool.run({ source, filename: "count.js", entry: "f", calls: [{ args: [] }] });
      expect(outcome).toMatchObject({ kind: "done", calls: [{ ok: true, value: 1 }] });
    }
  });

  it("a victim queued behind a compile over its budget waits no longer than that budget", async () => {
    // One worker: the victim's job can only start once the bomb's worker is killed and replaced.
    const single = createSandboxPool({ size: 1 });
    try {
      const slow = readFileSync(join(CASES, "compile-slow-nesting.js"), "utf8");
      const victim = 'import * as np from "np";\nexport const relu = (z: np.NDArray) => np.maximum(0, z);\n';
      const started = performance.now();
      const [bomb, graded] = await Promise.all([
        single.run({ source: slow, filename: "slow.js", entry: "f", calls: [{ args: [] }], limits: { ...LIMITS, compileTimeoutMs: 100 } }),
        single.run({ source: victim, filename: "relu.ts", entry: "relu", calls: [{ args: [ND([2], [-1, 3])] }], limits: LIMITS }),
      ]);
      const elapsed = performance.now() - started;
      expect(bomb).toMatchObject({ kind: "done", compile: { message: expect.stringMatching(/compiling took longer than 100 ms/) as unknown }, calls: [] });
      expect(graded).toMatchObject({ kind: "done", calls: [{ ok: true, value: { $nd: { shape: [2], data: Float64Array.from([0, 3]) } } }] });
      // The bomb's 100 ms, plus two worker start-ups (the first worker, the bomb's replacement).
      expect(elapsed).toBeLessThan(100 + 2 * GRACE_MS);
    } finally {
      await single.close();
    }
  });
});
