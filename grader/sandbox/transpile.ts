// Learner (or author) TypeScript/JavaScript → CommonJS that the isolate runtime can evaluate, with
// a source map so runtime errors point at the learner's own line and column. esbuild strips types
// without type checking (a type error never blocks a run) and an import plugin refuses every
// module but "np" at compile time. Compiling is learner-controlled work (esbuild is quadratic on
// some nestings), so learner code is compiled in the worker process under the compile budgets
// (worker.ts, ADR 007), after a linear scan refuses nesting deeper than MAX_NESTING; the host
// compiles only trusted author code. Edit when the learner-facing module rules change.
import { type Message, type Plugin, build } from "esbuild";
import { createHash } from "node:crypto";
import { MAX_NESTING, ONLY_NP_MESSAGE } from "./constants";
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

function isIdentifierChar(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 36 || code === 95 || code > 127;
}

/**
 * Refuses, in one linear pass and before any parser sees it, a source that nests brackets, braces
 * and parentheses deeper than MAX_NESTING or chains more than MAX_NESTING labels (`a: a: a: …`):
 * esbuild's time and memory grow with the square of both. Strings, template literals and comments
 * are skipped; a regular expression literal is read as code, which can only over-count.
 */
export function checkNesting(source: string): CompileError | null {
  let depth = 0;
  let labels = 0;
  let line = 1;
  let lineStart = 0;
  // Brace depths at which a template literal's `${` was opened: its `}` resumes the template.
  const templates: number[] = [];
  let previous = 0; // last significant character outside strings and comments
  let identifierEnd = -1; // index just past the last identifier, when it was the last token
  const tooDeep = (i: number, kind: "brackets" | "labels"): CompileError => ({
    message: `${kind === "brackets" ? "brackets nested" : "labels chained"} deeper than ${MAX_NESTING} levels: the compiler's budget (simplify the code)`,
    line,
    column: i - lineStart + 1,
    budget: { kind, limit: MAX_NESTING },
  });
  const length = source.length;
  let i = 0;
  let inTemplate = false;
  while (i < length) {
    const code = source.charCodeAt(i);
    if (code === 10) {
      line += 1;
      lineStart = i + 1;
      i += 1;
      continue;
    }
    if (inTemplate) {
      if (code === 92) i += 2;
      else if (code === 96) {
        inTemplate = false;
        previous = 96;
        i += 1;
      } else if (code === 36 && source.charCodeAt(i + 1) === 123) {
        inTemplate = false;
        depth += 1;
        if (depth > MAX_NESTING) return tooDeep(i, "brackets");
        templates.push(depth);
        previous = 123;
        i += 2;
      } else i += 1;
      continue;
    }
    if (code === 47 && source.charCodeAt(i + 1) === 47) {
      while (i < length && source.charCodeAt(i) !== 10) i += 1;
      continue;
    }
    if (code === 47 && source.charCodeAt(i + 1) === 42) {
      const end = source.indexOf("*/", i + 2);
      const stop = end === -1 ? length : end + 2;
      for (let j = i; j < stop; j++) {
        if (source.charCodeAt(j) === 10) {
          line += 1;
          lineStart = j + 1;
        }
      }
      i = stop;
      continue;
    }
    if (code === 34 || code === 39) {
      i += 1;
      while (i < length) {
        const c = source.charCodeAt(i);
        if (c === 92) i += 2;
        else if (c === code || c === 10) break;
        else i += 1;
      }
      i += 1;
      previous = code;
      identifierEnd = -1;
      continue;
    }
    if (code === 96) {
      inTemplate = true;
      identifierEnd = -1;
      i += 1;
      continue;
    }
    if (code === 32 || code === 9 || code === 13) {
      i += 1;
      continue;
    }
    if (isIdentifierChar(code)) {
      const start = i;
      while (i < length && isIdentifierChar(source.charCodeAt(i))) i += 1;
      // An identifier right after a label's colon continues the chain; anything else ends it.
      if (previous !== 58) labels = 0;
      identifierEnd = i;
      previous = source.charCodeAt(start);
      continue;
    }
    if (code === 58) {
      if (identifierEnd !== -1) {
        labels += 1;
        if (labels > MAX_NESTING) return tooDeep(i, "labels");
      }
    } else labels = 0;
    identifierEnd = -1;
    if (code === 40 || code === 91 || code === 123) {
      depth += 1;
      if (depth > MAX_NESTING) return tooDeep(i, "brackets");
    } else if (code === 41 || code === 93 || code === 125) {
      if (code === 125 && templates.length > 0 && templates[templates.length - 1] === depth) {
        templates.pop();
        inTemplate = true;
      }
      depth = Math.max(0, depth - 1);
    }
    previous = code;
    i += 1;
  }
  return null;
}

async function transpileUncached(source: string, filename: string): Promise<TranspileResult> {
  const nesting = checkNesting(source);
  if (nesting !== null) return { ok: false, error: nesting };
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
