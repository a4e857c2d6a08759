// The grader worker PROCESS (forked by pool.ts, never imported by the app): receives jobs over the
// IPC channel, runs each in a fresh isolated-vm isolate that first evaluates the np runtime bundle,
// and sends back plain results. It only ever handles strings the isolate runtime produced
// (isolate-runtime.ts); it never reads a learner object or hands an ivm handle to the isolate.
// Every ivm call that runs learner code carries a timeout; the pool adds a wall-clock kill on top.
// Edit when the job protocol or the per-call limits change.
import ivm from "isolated-vm";
import { rmdirSync } from "node:fs";
import { SourceMap } from "node:module";
import { basename } from "node:path";
import { PENDING } from "./constants";
import type {
  CallResult,
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

function decodeResultValue(value: unknown): PlainValue {
  if (value === null || typeof value !== "object") return value as PlainValue;
  if (Array.isArray(value)) return value.map(decodeResultValue);
  const record = value as Record<string, unknown>;
  if (typeof record.$num === "string") return Number(record.$num);
  const nd = record.$nd as { shape: number[]; data: (number | string)[] } | undefined;
  if (nd !== undefined) return { $nd: { shape: nd.shape, data: Float64Array.from(nd.data, (x) => (typeof x === "string" ? Number(x) : x)) } };
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

function runJob(job: WorkerJob): JobRun {
  if (runtimeBundle === undefined) throw new Error("worker used before init");
  const limits = job.limits;
  const map = (() => {
    try {
      return new SourceMap(JSON.parse(job.sourceMap) as ConstructorParameters<typeof SourceMap>[0]);
    } catch {
      return undefined;
    }
  })();
  const isolate = new ivm.Isolate({ memoryLimit: limits.memoryMb });
  let anomaly = false;
  const calls: CallResult[] = [];
  let stdout = "";
  let stdoutTruncated = false;

  const toCallResult = (json: string, durationMs: number): CallResult => {
    const raw = JSON.parse(json) as RawOutcome;
    if (raw.ok) return { ok: true, value: decodeResultValue(raw.value), durationMs };
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
    const wrapped = `globalThis.__learnerModule = function (exports, require, module, console) {\n${job.code}\n};`;
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
        calls.push(toCallResult(out.value, durationMs));
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
  try {
    const { result, anomaly } = runJob(message.job);
    send({ type: "result", id: message.id, result, anomaly });
  } catch (error) {
    send({ type: "fatal", message: error instanceof Error ? `${error.message}\n${error.stack ?? ""}` : String(error) });
    process.exit(1);
  }
});

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
