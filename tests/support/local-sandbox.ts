// An in-process SandboxPort for the engine's unit tests: esbuild + node:vm in the test process.
// It is NOT isolation (node:vm is no security boundary) and is never used to grade real
// submissions; production grading goes through the worker pool of grader/sandbox. It exists so
// the engine's logic is tested without forking workers.
import { transformSync } from "esbuild";
import { runInNewContext } from "node:vm";
import * as np from "../../grader/np/index";
import { fromFlat, isNDArray } from "../../grader/np/interop";
import type { CallResult, ModuleJob, ModuleOutcome, PlainValue, SandboxJob, SandboxOutcome, SandboxPort } from "../../grader/sandbox/index";

type Compiled = { ok: true; code: string } | { ok: false; message: string; line?: number; column?: number };

function toRuntime(value: PlainValue): unknown {
  if (Array.isArray(value)) return value.map(toRuntime);
  if (value !== null && typeof value === "object") {
    if ("$nd" in value) {
      const nd = value.$nd as { shape: number[]; data: number[] | Float64Array };
      return fromFlat(nd.shape, Float64Array.from(nd.data));
    }
    if ("$fn" in value && typeof value.$fn === "string") {
      // Trusted author source, evaluated the way the real sandbox materialises it.
      const make: unknown = runInNewContext(`(np) => (${value.$fn})`);
      return typeof make === "function" ? (make as (n: typeof np) => unknown)(np) : undefined;
    }
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toRuntime(v)]));
  }
  return value;
}

function toPlainValue(value: unknown): PlainValue {
  if (isNDArray(value)) return { $nd: { shape: [...value.shape], data: Float64Array.from(value.data) } };
  if (Array.isArray(value)) return value.map(toPlainValue);
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean" || value === null) return value;
  if (value === undefined) return null;
  if (typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toPlainValue(v)]));
  return typeof value === "function" ? "<function>" : null;
}

// np.random lands separately in grader/np; seed it when it is there.
function seedNumpy(seed: number): void {
  const random: unknown = Reflect.get(np, "random");
  if (typeof random === "object" && random !== null) {
    const seedFn: unknown = Reflect.get(random, "seed");
    if (typeof seedFn === "function") seedFn.call(random, seed);
  }
}

/** Runs a CommonJS module's top level with `np` as its only import. */
function evaluate(code: string, timeoutMs: number): { exports: Record<string, unknown>; stdout: { text: string }; error?: string } {
  const stdout = { text: "" };
  const console = { log: (...args: unknown[]) => void (stdout.text += `${args.map(String).join(" ")}\n`) };
  const module: { exports: Record<string, unknown> } = { exports: {} };
  const require = (name: string) => {
    if (name === "np") return np;
    throw new Error(`Cannot find module '${name}'`);
  };
  try {
    const wrapper: unknown = runInNewContext(`(function (exports, require, module, console) {${code}\n})`, {}, { timeout: timeoutMs });
    if (typeof wrapper === "function") (wrapper as (...a: unknown[]) => void)(module.exports, require, module, console);
    return { exports: module.exports, stdout };
  } catch (error) {
    return { exports: {}, stdout, error: error instanceof Error ? error.message : String(error) };
  }
}

export function createLocalSandbox(): SandboxPort & { jobs: number } {
  const port = {
    jobs: 0,
    transpile(source: string, filename: string): Compiled {
      try {
        return { ok: true, code: transformSync(source, { loader: "ts", format: "cjs", sourcefile: filename }).code };
      } catch (error) {
        const first = (error as { errors?: { text: string; location?: { line: number; column: number } }[] }).errors?.[0];
        return {
          ok: false,
          message: first?.text ?? String(error),
          ...(first?.location ? { line: first.location.line, column: first.location.column + 1 } : {}),
        };
      }
    },
    run(job: SandboxJob): Promise<SandboxOutcome> {
      port.jobs += 1;
      const compiled = port.transpile(job.source, job.filename);
      if (!compiled.ok) {
        const { message, line, column } = compiled;
        return Promise.resolve({ kind: "done", compile: { message, ...(line ? { line } : {}), ...(column ? { column } : {}) }, calls: [], stdout: "", stdoutTruncated: false });
      }
      const { exports, stdout, error } = evaluate(compiled.code, job.limits?.timeoutMs ?? 2_000);
      if (error) {
        const failure: CallResult = { ok: false, error: { kind: "throw", message: error } };
        return Promise.resolve({ kind: "done", calls: job.calls.map(() => failure), stdout: stdout.text, stdoutTruncated: false });
      }
      const fn = exports[job.entry];
      const calls: CallResult[] = job.calls.map((call) => {
        if (fn === undefined) return { ok: false, error: { kind: "missing-export", message: job.entry } };
        if (typeof fn !== "function") return { ok: false, error: { kind: "not-a-function", message: job.entry } };
        try {
          if (call.npSeed !== undefined) seedNumpy(call.npSeed);
          const result: unknown = (fn as (...a: unknown[]) => unknown)(...call.args.map(toRuntime));
          return { ok: true, value: toPlainValue(result), durationMs: 0 };
        } catch (e) {
          return { ok: false, error: { kind: "throw", message: e instanceof Error ? `${e.name}: ${e.message}` : String(e) } };
        }
      });
      return Promise.resolve({ kind: "done", calls, stdout: stdout.text, stdoutTruncated: false });
    },
    runModule(job: ModuleJob): Promise<ModuleOutcome> {
      const compiled = port.transpile(job.source, job.filename);
      if (!compiled.ok) return Promise.resolve({ kind: "done", compile: { message: compiled.message }, stdout: "", stdoutTruncated: false });
      const { stdout, error } = evaluate(compiled.code, job.limits?.timeoutMs ?? 2_000);
      return Promise.resolve({ kind: "done", stdout: stdout.text, stdoutTruncated: false, ...(error ? { error: { kind: "throw", message: error } } : {}) });
    },
  };
  return port;
}
