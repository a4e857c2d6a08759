// Constants shared by the isolate runtime and the host side of the sandbox. No imports: this
// file is bundled into every isolate. The budgets below are the sandbox's contract (ADR 007):
// a value over one is the learner's error, refused where it is made, and checked again on the
// host side before anything expands it.
export const ONLY_NP_MESSAGE = 'only the np module can be imported (import * as np from "np")';
/** What the runtime's call() returns for a promise; the worker then asks collect(). */
export const PENDING = "\u0000pending";

// ---- values crossing the isolate boundary ----
/** Most dimensions of an array crossing the boundary (numpy allows 64; no exercise needs 3). */
export const MAX_NDIM = 32;
/** Largest single dimension of an array crossing the boundary. */
export const MAX_DIM = 1_000_000;
/**
 * Most elements of an array crossing the boundary, and most that its dimensions may multiply to
 * with every zero dimension counted as 1: shape (1000000000, 0) holds no number but would expand
 * to a billion empty lists, so it is over budget like any array of a billion numbers.
 */
export const MAX_ELEMENTS = 1_000_000;
/** Most JSON characters of one call's result (or thrown value) leaving the isolate. */
export const MAX_VALUE_CHARS = 16_000_000;
/** Most JSON characters of all results of one job together (a worker keeps them until the job ends). */
export const MAX_JOB_RESULT_CHARS = 64_000_000;

/** Why a shape is over budget (English, for the learner's error message), or null when it fits. */
// Loops and concatenation only: the isolate runtime calls it after learner code may have patched
// Array.prototype.
export function shapeOverBudget(shape: ArrayLike<number>): string | null {
  if (shape.length > MAX_NDIM) return "has " + shape.length + " dimensions: over the budget of " + MAX_NDIM + " dimensions";
  let text = "(";
  for (let i = 0; i < shape.length; i++) text += (i > 0 ? ", " : "") + shape[i];
  text += shape.length === 1 ? ",)" : ")";
  let extent = 1;
  for (let i = 0; i < shape.length; i++) {
    const dim = shape[i] as number;
    if (dim > MAX_DIM) return "has shape " + text + ": dimension " + i + " is over the budget of " + MAX_DIM + " per dimension";
    extent *= dim === 0 ? 1 : dim;
  }
  if (extent > MAX_ELEMENTS) return "has shape " + text + ": over the budget of " + MAX_ELEMENTS + " elements";
  return null;
}

// ---- compiling learner code (in the worker process, see transpile.ts) ----
/** Deepest nesting of brackets, braces and parentheses, and longest chain of labels, in a source. */
export const MAX_NESTING = 100;
/** Wall-clock budget of one compile; the worker is killed with its compiler past it. */
export const COMPILE_TIMEOUT_MS = 5_000;
/** Resident memory budget of the compiler process (esbuild) during one compile. */
export const COMPILE_MEMORY_MB = 512;
