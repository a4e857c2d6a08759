// The grader worker PROCESS (forked by pool.ts, never imported by the app): receives jobs over the
// IPC channel, runs each in a fresh isolated-vm isolate that first evaluates the np runtime bundle,
// and sends back plain results. It only ever handles strings the isolate runtime produced
// (isolate-runtime.ts); it never reads a learner object or hands an ivm handle to the isolate.
// Every ivm call that runs learner code carries a timeout; the pool adds a wall-clock kill on top.
// Edit when the job protocol or the per-call limits change.
import ivm from "isolated-vm";
import { readFileSync, rmdirSync } from "node:fs";
import { SourceMap } from "node:module";
import { basename } from "node:path";
import { MAX_JOB_RESULT_CHARS, PENDING, shapeOverBudget } from "./constants";
import { type TranspileResult, transpileLearnerCode } from "./transpile";
import type {
  CallResult,
  CompileError,
  FromWorker,
  LearnerError,
  PlainValue,
  SandboxResult,
  ToWorker,
  WorkerJob,
} from "./protocol";

// isolated-vm 5's snapshots corrupt objects holding functions on Node 20 (keys come back as
// garbage), so every isolate evaluates the runtime bundle itself; V8's code cache makes the
// compile nearly free after the first job.
let runtimeBundle: string | undefined;
let runtimeCache: ivm.ExternalCopy<ArrayBuffer> | undefined;

function send(message: FromWorker): void {
  process.send?.(message);
}

// ---- values across the isolate boundary (JSON text both ways) ----

function encodeArgument(value: PlainValue): unknown {
  if (typeof value === "number") {
    if (Number.isFinite(value) && !Object.is(value, -0)) return value;
    return { $num: Object.is(value, -0) ? "-0" : String(value) };
  }
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map(encodeArgument);
  if ("$nd" in value && typeof value.$nd === "object") {
    const nd = value.$nd as { shape: number[]; data: number[] | Float64Array };
    return { $nd: { shape: nd.shape, data: Array.from(nd.data, (x) => (Number.isFinite(x) ? x : String(x))) } };
  }
  if ("$fn" in value && typeof value.$fn === "string") return { $fn: value.$fn };
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) out[key] = encodeArgument(item as PlainValue);
  return out;
}

/** A result over one of the value budgets (constants.ts): the learner's error, not the grader's. */
class OverBudget extends Error {}

// The isolate runtime already refused shapes over budget; this is the host side of the same
// boundary, which trusts nothing that came out of an isolate.
function decodeResultValue(value: unknown): PlainValue {
  if (value === null || typeof value !== "object") return value as PlainValue;
  if (Array.isArray(value)) return value.map(decodeResultValue);
  const record = value as Record<string, unknown>;
  if (typeof record.$num === "string") return Number(record.$num);
  const nd = record.$nd as { shape: number[]; data: (number | string)[] } | undefined;
  if (nd !== undefined) {
    const over = Array.isArray(nd.shape) ? shapeOverBudget(nd.shape) : "has no valid shape";
    if (over !== null) throw new OverBudget(`the returned array ${over}`);
    return { $nd: { shape: nd.shape, data: Float64Array.from(nd.data, (x) => (typeof x === "string" ? Number(x) : x)) } };
  }
  const out: Record<string, PlainValue> = {};
  for (const [key, item] of Object.entries(record)) out[key] = decodeResultValue(item);
  return out;
}

// ---- positions: generated line/column → the learner's file ----

function mapPosition(map: SourceMap | undefined, line: number | undefined, column: number | undefined): { line?: number; column?: number } {
  if (line === undefined || column === undefined || map === undefined) return {};
  const entry = map.findEntry(line - 1, column - 1) as { originalLine?: number; originalColumn?: number };
  if (entry.originalLine === undefined || entry.originalColumn === undefined) return {};
  return { line: entry.originalLine + 1, column: entry.originalColumn + 1 };
}

interface RawOutcome {
  ok: boolean;
  value?: unknown;
  error?: { kind: LearnerError["kind"]; message: string; line?: number; column?: number };
}

// ---- running ivm calls under limits ----

type Timed<T> = { ok: true; value: T } | { ok: false; kind: "timeout" | "memory" | "internal"; message: string };

function timed<T>(isolate: ivm.Isolate, run: () => T): Timed<T> {
  try {
    return { ok: true, value: run() };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (isolate.isDisposed || /memory limit/i.test(message)) return { ok: false, kind: "memory", message };
    if (/timed out/i.test(message)) return { ok: false, kind: "timeout", message };
    return { ok: false, kind: "internal", message };
  }
}

function limitError(kind: "timeout" | "memory" | "cpu", limits: WorkerJob["limits"]): LearnerError {
  if (kind === "memory") return { kind, message: `memory limit exceeded: the code used more than ${limits.memoryMb} MB` };
  if (kind === "cpu") return { kind, message: `CPU time limit exceeded: the call used more than ${limits.timeoutMs} ms of CPU` };
  return { kind, message: `time limit exceeded: the code ran longer than ${limits.timeoutMs} ms (an endless loop?)` };
}

function cpuMs(isolate: ivm.Isolate): number {
  try {
    return Number(isolate.cpuTime) / 1e6;
  } catch {
    return 0;
  }
}

interface JobRun {
  result: SandboxResult;
  anomaly: boolean;
}

// ---- compiling under the compile budgets ----

/** Resident memory of this worker's child processes (esbuild's service), in MB; 0 without /proc. */
function childrenRssMb(): number {
  try {
    const pids = readFileSync(`/proc/self/task/${process.pid}/children`, "utf8").trim();
    if (pids === "") return 0;
    let pages = 0;
    for (const pid of pids.split(/\s+/)) pages += Number(readFileSync(`/proc/${pid}/statm`, "utf8").split(" ")[1] ?? 0);
    return (pages * 4096) / (1024 * 1024);
  } catch {
    return 0;
  }
}

type Compiled = { ok: true; result: TranspileResult } | { ok: false; error: CompileError };

/**
 * Compiles in this worker under the job's compile budgets (COMPILE_TIMEOUT_MS and
 * COMPILE_MEMORY_MB by default; the memory is the compiler's resident set, sampled). Over either,
 * the job ends as the learner's compile error and the pool kills this worker's whole process
 * group, the compiler with it.
 */
async function compileWithBudget(source: string, filename: string, limits: WorkerJob["limits"]): Promise<Compiled> {
  let timer: NodeJS.Timeout | undefined;
  let sampler: NodeJS.Timeout | undefined;
  const { compileTimeoutMs, compileMemoryMb } = limits;
  const over = new Promise<Compiled>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false, error: { message: `compiling took longer than ${compileTimeoutMs} ms: over the compiler's time budget (simplify the code)`, budget: { kind: "time", limit: compileTimeoutMs } } }), compileTimeoutMs);
    sampler = setInterval(() => {
      if (childrenRssMb() > compileMemoryMb) resolve({ ok: false, error: { message: `compiling needed more than ${compileMemoryMb} MB: over the compiler's memory budget (simplify the code)`, budget: { kind: "memory", limit: compileMemoryMb } } });
    }, 20);
  });
  try {
    return await Promise.race([transpileLearnerCode(source, filename).then((result): Compiled => ({ ok: true, result })), over]);
  } finally {
    clearTimeout(timer);
    clearInterval(sampler);
  }
}

function runJob(job: WorkerJob, code: string, sourceMap: string): JobRun {
  if (runtimeBundle === undefined) throw new Error("worker used before init");
  const limits = job.limits;
  const map = (() => {
    try {
      return new SourceMap(JSON.parse(sourceMap) as ConstructorParameters<typeof SourceMap>[0]);
    } catch {
      return undefined;
    }
  })();
  const isolate = new ivm.Isolate({ memoryLimit: limits.memoryMb });
  let anomaly = false;
  const calls: CallResult[] = [];
  let stdout = "";
  let stdoutTruncated = false;

  let resultChars = 0;
  const toCallResult = (json: string, durationMs: number): CallResult => {
    resultChars += json.length;
    if (resultChars > MAX_JOB_RESULT_CHARS) {
      return { ok: false, error: { kind: "too-large", message: `the results are too large: over the budget of ${MAX_JOB_RESULT_CHARS} characters of JSON for all calls together` } };
    }
    const raw = JSON.parse(json) as RawOutcome;
    if (raw.ok) {
      try {
        return { ok: true, value: decodeResultValue(raw.value), durationMs };
      } catch (error) {
        if (error instanceof OverBudget) return { ok: false, error: { kind: "too-large", message: error.message } };
        throw error;
      }
    }
    const error = raw.error ?? { kind: "throw" as const, message: "unknown failure" };
    return { ok: false, error: { kind: error.kind, message: error.message, ...mapPosition(map, error.line, error.column) } };
  };

  try {
    const context = isolate.createContextSync();
    const runtimeScript = isolate.compileScriptSync(runtimeBundle, {
      filename: "sandbox-runtime.js",
      ...(runtimeCache === undefined ? { produceCachedData: true } : { cachedData: runtimeCache }),
    });
    const produced = (runtimeScript as ivm.Script & ivm.CachedDataResult).cachedData;
    if (runtimeCache === undefined && produced !== undefined) {
      runtimeCache = produced;
      send({ type: "code-cache", data: new Uint8Array(produced.copy()) });
    }
    runtimeScript.runSync(context, { timeout: 5_000 });
    const runtime = context.global.getSync("__sandboxRuntime", { reference: true }) as ivm.Reference<Record<string, unknown>>;
    context.global.deleteSync("__sandboxRuntime");
    const fn = (name: string) => runtime.getSync(name, { reference: true }) as ivm.Reference<(...args: unknown[]) => unknown>;
    const init = fn("init");
    const load = fn("load");
    const call = fn("call");
    const collect = fn("collect");
    const output = fn("output");

    init.applySync(undefined, [JSON.stringify({ filename: job.filename, stdoutCap: limits.stdoutBytes, mathRandomSeed: job.mathRandomSeed })], { timeout: 1_000 });

    // The wrapper header sits on its own line and lineOffset -1 cancels it: stack lines are the
    // generated code's own lines, which the source map turns into the learner's.
    const wrapped = `globalThis.__learnerModule = function (exports, require, module, console) {\n${code}\n};`;
    let stopped: LearnerError | undefined;
    const compiled = timed(isolate, () => isolate.compileScriptSync(wrapped, { filename: job.filename, lineOffset: -1 }));
    if (!compiled.ok) {
      stopped = { kind: "throw", message: `the code could not be loaded: ${compiled.message}` };
      anomaly = compiled.kind !== "internal";
    } else {
      const defined = timed(isolate, () => {
        compiled.value.runSync(context, { timeout: limits.timeoutMs });
      });
      const loaded = defined.ok ? timed(isolate, () => load.applySync(undefined, [job.entry ?? ""], { timeout: limits.timeoutMs }) as string) : defined;
      if (!loaded.ok) {
        anomaly = true;
        stopped = loaded.kind === "internal" ? { kind: "throw", message: loaded.message } : limitError(loaded.kind, limits);
      } else {
        const outcome = toCallResult(loaded.value, 0);
        if (!outcome.ok) stopped = outcome.error;
      }
    }

    if (job.entry === null) {
      if (stopped !== undefined) calls.push({ ok: false, error: stopped });
    } else {
      for (const spec of job.calls) {
        if (stopped !== undefined) {
          calls.push({ ok: false, error: stopped });
          continue;
        }
        const argsJson = JSON.stringify(spec.args.map(encodeArgument));
        const cpuBefore = cpuMs(isolate);
        const started = performance.now();
        let out = timed(isolate, () => call.applySync(undefined, [argsJson, spec.npSeed ?? -1], { timeout: limits.timeoutMs }) as string);
        if (out.ok && out.value === PENDING) {
          // The microtask queue drained inside the timed call above: a promise still pending now
          // waits for nothing that can happen (no timers, no I/O) and collect() says so.
          const left = Math.max(1, limits.timeoutMs - Math.ceil(performance.now() - started));
          out = timed(isolate, () => collect.applySync(undefined, [], { timeout: left }) as string);
        }
        const durationMs = performance.now() - started;
        if (!out.ok) {
          anomaly = true;
          const error = out.kind === "internal" ? { kind: "throw" as const, message: out.message } : limitError(out.kind, limits);
          calls.push({ ok: false, error });
          // Later calls are not run: one runaway call must not cost the budget again per call.
          stopped = { kind: error.kind, message: `not run: an earlier call failed (${error.message})` };
          continue;
        }
        // isolated-vm's timeout misses work that is not interruptible (huge BigInt arithmetic):
        // the isolate's CPU clock catches it after the fact.
        if (cpuMs(isolate) - cpuBefore > limits.timeoutMs) {
          anomaly = true;
          const error = limitError("cpu", limits);
          calls.push({ ok: false, error });
          stopped = { kind: "cpu", message: `not run: an earlier call failed (${error.message})` };
          continue;
        }
        const result = toCallResult(out.value, durationMs);
        calls.push(result);
        // Past the job's result budget every later call would only be refused too.
        if (resultChars > MAX_JOB_RESULT_CHARS && !result.ok) stopped = { kind: "too-large", message: `not run: ${result.error.message}` };
      }
    }

    if (!isolate.isDisposed) {
      const printed = timed(isolate, () => output.applySync(undefined, [], { timeout: 1_000 }) as string);
      if (printed.ok) {
        const parsed = JSON.parse(printed.value) as { text: string; truncated: boolean };
        stdout = parsed.text;
        stdoutTruncated = parsed.truncated;
      } else {
        anomaly = true;
      }
    }
  } finally {
    if (!isolate.isDisposed) isolate.dispose();
  }
  return { result: { calls, stdout, stdoutTruncated }, anomaly };
}

// The pool validated every job with zod before sending it (and validates every reply); the
// worker only checks the envelope, so it need not load zod: a smaller bundle starts faster,
// which is what recycleAfter = 1 pays for on every job.
function isToWorker(raw: unknown): raw is ToWorker {
  if (typeof raw !== "object" || raw === null) return false;
  const message = raw as { type?: unknown; runtimeBundle?: unknown; id?: unknown; job?: unknown };
  if (message.type === "init") return typeof message.runtimeBundle === "string";
  return message.type === "job" && typeof message.id === "number" && typeof message.job === "object" && message.job !== null;
}

process.on("message", (raw: unknown) => {
  if (!isToWorker(raw)) {
    send({ type: "fatal", message: "protocol violation: unexpected message from the pool" });
    process.exit(1);
  }
  const message = raw;
  if (message.type === "init") {
    runtimeBundle = message.runtimeBundle;
    if (message.runtimeCache !== undefined) {
      const bytes = message.runtimeCache;
      runtimeCache = new ivm.ExternalCopy(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
    }
    send({ type: "ready" });
    return;
  }
  void serve(message.id, message.job);
});

async function serve(id: number, job: WorkerJob): Promise<void> {
  try {
    const compiled = await compileWithBudget(job.source, job.filename, job.limits);
    if (!compiled.ok) {
      // Over a compile budget: the compiler may still be busy, so this worker is retired.
      send({ type: "result", id, result: { compile: compiled.error, calls: [], stdout: "", stdoutTruncated: false }, anomaly: true });
      return;
    }
    send({ type: "compiled", id });
    if (!compiled.result.ok) {
      send({ type: "result", id, result: { compile: compiled.result.error, calls: [], stdout: "", stdoutTruncated: false }, anomaly: false });
      return;
    }
    const { result, anomaly } = runJob(job, compiled.result.code, compiled.result.sourceMap);
    send({ type: "result", id, result, anomaly });
  } catch (error) {
    send({ type: "fatal", message: error instanceof Error ? `${error.message}\n${error.stack ?? ""}` : String(error) });
    process.exit(1);
  }
}

// The pool went away: nothing left to serve. A pool that died cannot remove this worker's
// temporary (empty) working directory, so the worker does.
process.on("disconnect", () => {
  try {
    if (basename(process.cwd()).startsWith("backprop-sandbox-")) rmdirSync(process.cwd());
  } catch {
    // Not empty or already gone: leave it.
  }
  process.exit(0);
});
