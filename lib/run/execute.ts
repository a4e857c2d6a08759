// Runs transpiled learner code (CommonJS) against the visible examples, with `np` as the only
// importable module and console output captured. Used inside the Run Web Worker and, in Node, by
// the agreement test. Not a security boundary: in the browser the learner only runs their own
// code in their own tab; the server grades in the isolated sandbox.
import { np, isNDArray } from "@/grader/browser";
import { compareExample, type ExampleComparison, type ExampleTolerance } from "./compare-examples";
import { fromShown, toShownValue, type Shown } from "./shown";
import { inlineSourceMap, type LineMapper } from "./source-map";

export interface RunExample {
  readonly name: string;
  readonly args: Readonly<Record<string, unknown>>;
  readonly expected: unknown;
  /** np.random is seeded with this before the call, as the grader does for this example. */
  readonly npSeed?: number;
  /** This example's own tolerance, when its checks differ from the exercise's. */
  readonly tolerance?: ExampleTolerance;
  /** Argument name → source of an author function (e.g. the cost J), from exercise.json. */
  readonly functionArgs?: Readonly<Record<string, string>>;
}

export interface RunRequest {
  /** CommonJS JavaScript emitted from the learner's TypeScript. */
  readonly js: string;
  readonly entry: string;
  readonly params: readonly string[];
  readonly examples: readonly RunExample[];
  readonly tolerance: ExampleTolerance;
  /** Extra inputs to evaluate the entry on without comparison (e.g. a linspace for plots). */
  readonly probes?: readonly RunProbe[];
}

export interface RunProbe {
  readonly name: string;
  readonly args: Readonly<Record<string, unknown>>;
  /** np.random is seeded with this before the call, so probes of a training start alike. */
  readonly npSeed?: number;
}

export interface RunError {
  readonly message: string;
  readonly line?: number;
  readonly column?: number;
}

export type ExampleOutcome =
  | { readonly name: string; readonly status: "pass" | "fail"; readonly actual: Shown; readonly comparison: ExampleComparison }
  | { readonly name: string; readonly status: "error"; readonly error: RunError };

export interface RunResult {
  readonly examples: readonly ExampleOutcome[];
  readonly probes: readonly { readonly name: string; readonly actual: Shown | null; readonly error?: string }[];
  readonly stdout: string;
  /** The module itself failed (top-level throw, missing export). */
  readonly error?: RunError;
}

const STDOUT_LIMIT = 64 * 1024;

function formatLogArg(value: unknown): string {
  if (typeof value === "string") return value;
  if (value instanceof Error) return `${value.name}: ${value.message}`;
  try {
    // NDArrays print like numpy (their own toString); plain objects as JSON.
    if (isNDArray(value)) return value.toString();
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** Line/column of the first stack frame inside the learner's module (named learner.js). */
export function learnerPosition(error: unknown, lineOffset: number, map: LineMapper | null = null): { line?: number; column?: number } {
  const stack = error instanceof Error ? (error.stack ?? "") : "";
  const match = /learner\.js:(\d+):(\d+)/.exec(stack) ?? /<anonymous>:(\d+):(\d+)/.exec(stack);
  if (!match) return {};
  const line = Number(match[1]) - lineOffset;
  const column = Number(match[2]);
  if (line <= 0) return {};
  // Without a source map the JavaScript line is the best we have (close, not exact).
  return map?.original(line, column) ?? { line, column };
}

function toRunError(error: unknown, lineOffset: number, map: LineMapper | null = null): RunError {
  const message = error instanceof Error ? `${error.name}: ${error.message}` : `Thrown: ${formatLogArg(error)}`;
  return { message, ...learnerPosition(error, lineOffset, map) };
}

/** An author's function argument (trusted exercise content, public in exercise.json), with np in scope. */
function authorFunction(source: string): unknown {
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- author content, the same source the grader materialises
  return (new Function("np", `return (${source});`) as (n: typeof np) => unknown)(np);
}

export function executeRun(request: RunRequest): RunResult {
  let stdout = "";
  const write = (...args: unknown[]) => {
    if (stdout.length >= STDOUT_LIMIT) return;
    stdout += `${args.map(formatLogArg).join(" ")}\n`;
    if (stdout.length > STDOUT_LIMIT) stdout = `${stdout.slice(0, STDOUT_LIMIT)}\n…`;
  };
  const learnerConsole = { log: write, info: write, warn: write, error: write, debug: write };
  const moduleObject: { exports: Record<string, unknown> } = { exports: {} };
  const requireModule = (name: string): unknown => {
    if (name === "np") return np;
    throw new Error(`Cannot import "${name}": only "np" is available`);
  };
  // new Function puts two lines of its own before the body; stack lines are shifted by that.
  const lineOffset = 2;
  const map = inlineSourceMap(request.js);
  try {
    // eslint-disable-next-line @typescript-eslint/no-implied-eval -- running the learner's own code is the point of Run
    const factory = new Function("exports", "require", "module", "console", `${request.js}\n//# sourceURL=learner.js`);
    (factory as (...args: unknown[]) => void)(moduleObject.exports, requireModule, moduleObject, learnerConsole);
  } catch (error) {
    return { examples: [], probes: [], stdout, error: toRunError(error, lineOffset, map) };
  }
  const entry = moduleObject.exports[request.entry];
  if (typeof entry !== "function") {
    return { examples: [], probes: [], stdout, error: { message: `export function ${request.entry}(...) is missing` } };
  }
  const call = (args: Readonly<Record<string, unknown>>, functionArgs: Readonly<Record<string, string>> = {}): unknown =>
    (entry as (...a: unknown[]) => unknown)(
      ...request.params.map((p) => {
        const source = functionArgs[p];
        return source === undefined ? fromShown(args[p]) : authorFunction(source);
      }),
    );

  const examples = request.examples.map((example): ExampleOutcome => {
    try {
      if (example.npSeed !== undefined) np.random.seed(example.npSeed);
      const actual = toShownValue(call(example.args, example.functionArgs));
      const comparison = compareExample(actual, example.expected, example.tolerance ?? request.tolerance, example.args);
      return { name: example.name, status: comparison.pass ? "pass" : "fail", actual, comparison };
    } catch (error) {
      return { name: example.name, status: "error", error: toRunError(error, lineOffset, map) };
    }
  });
  const probes = (request.probes ?? []).map((probe) => {
    try {
      if (probe.npSeed !== undefined) np.random.seed(probe.npSeed);
      return { name: probe.name, actual: toShownValue(call(probe.args)) };
    } catch (error) {
      return { name: probe.name, actual: null, error: toRunError(error, lineOffset, map).message };
    }
  });
  return { examples, probes, stdout };
}
