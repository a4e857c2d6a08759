// Learner (or author) TypeScript/JavaScript → CommonJS that the isolate runtime can evaluate, with
// a source map so runtime errors point at the learner's own line and column. esbuild strips types
// without type checking (a type error never blocks a run) and an import plugin refuses every
// module but "np" at compile time. Runs in the host process: esbuild only parses the text.
// Edit when the learner-facing module rules change.
import { type Message, type Plugin, build } from "esbuild";
import { createHash } from "node:crypto";
import { ONLY_NP_MESSAGE } from "./constants";
import type { CompileError } from "./protocol";

export type TranspileResult = { ok: true; code: string; sourceMap: string } | { ok: false; error: CompileError };

export { ONLY_NP_MESSAGE };

const onlyNp: Plugin = {
  name: "only-np",
  setup(plugin) {
    // Every specifier lands here, so esbuild never touches the file system for learner imports.
    plugin.onResolve({ filter: /.*/ }, (args) => {
      if (args.path === "np") return { path: "np", external: true };
      return { errors: [{ text: `${ONLY_NP_MESSAGE}; "${args.path}" is not available` }] };
    });
  },
};

function loaderFor(filename: string): "js" | "ts" {
  return /\.(m|c)?js$/i.test(filename) ? "js" : "ts";
}

// esbuild's wording names our output format, which means nothing to a learner.
function learnerText(text: string): string {
  if (text.startsWith("Top-level await is currently not supported")) return "top-level await is not supported: put the code in an async function and call it";
  return text;
}

function toCompileError(message: Message | undefined, fallback: string): CompileError {
  if (message === undefined) return { message: fallback };
  return {
    message: learnerText(message.text),
    ...(message.location ? { line: message.location.line, column: message.location.column + 1 } : {}),
  };
}

function isBuildFailure(error: unknown): error is { errors: Message[] } {
  return typeof error === "object" && error !== null && Array.isArray((error as { errors?: unknown }).errors);
}

async function transpileUncached(source: string, filename: string): Promise<TranspileResult> {
  try {
    const result = await build({
      stdin: { contents: source, loader: loaderFor(filename), sourcefile: filename, resolveDir: "/" },
      bundle: true,
      write: false,
      format: "cjs",
      platform: "neutral",
      target: "es2022",
      sourcemap: "external",
      outfile: "learner.js",
      // No tsconfig lookup on the host's disk: the learner's file stands alone.
      tsconfigRaw: "{}",
      // import(x) becomes require(x), so a computed specifier meets the isolate's "only np" rule
      // instead of isolated-vm's bare "Not supported".
      supported: { "dynamic-import": false },
      plugins: [onlyNp],
      logLevel: "silent",
    });
    const js = result.outputFiles.find((file) => file.path.endsWith(".js"));
    const map = result.outputFiles.find((file) => file.path.endsWith(".map"));
    if (js === undefined || map === undefined) return { ok: false, error: { message: "internal: esbuild produced no output" } };
    return { ok: true, code: js.text, sourceMap: map.text };
  } catch (error) {
    if (isBuildFailure(error)) return { ok: false, error: toCompileError(error.errors[0], "the code could not be compiled") };
    throw error;
  }
}

// Grading transpiles the same few sources many times (reference, learner, alternatives): a small
// LRU keyed by content keeps esbuild off the hot path.
const CACHE_SIZE = 200;
const cache = new Map<string, Promise<TranspileResult>>();

/** Compiles a learner's file; a compile error carries the learner's line and 1-based column. */
export function transpileLearnerCode(source: string, filename: string): Promise<TranspileResult> {
  const key = createHash("sha256").update(filename).update("\0").update(source).digest("hex");
  const hit = cache.get(key);
  if (hit !== undefined) {
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const pending = transpileUncached(source, filename);
  cache.set(key, pending);
  if (cache.size > CACHE_SIZE) {
    const oldest = cache.keys().next().value;
    if (oldest !== undefined) cache.delete(oldest);
  }
  pending.catch(() => cache.delete(key));
  return pending;
}
