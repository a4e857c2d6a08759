// Layered comparison of a learner's output with the reference output, in the host only.
// Layers, so the learner reads the first thing that is wrong: structure (arrays, numbers, keys),
// finite values, exact shapes (naming keepdims / transpose), then numpy.allclose with stated
// rtol/atol, naming the wrong tensor and its worst entry. Edit to change how outputs are compared.
import { type Localized, describeValue, formatRounded, messages } from "./messages";
import { HostArray, type HostValue, PREVIEW_CHARS, isHostFunction, isRecord } from "./values";

export interface Mismatch {
  readonly layer: "structure" | "finite" | "shape" | "values";
  readonly path: string;
  readonly message: Localized;
  /** The message for a hidden test: the expected value rounded (HIDDEN_EXPECTED_DIGITS). */
  readonly hiddenMessage?: Localized;
  readonly worstIndex?: number[];
  readonly maxAbsError?: number;
}

export interface Tolerance {
  readonly rtol: number;
  readonly atol: number;
}

/** Entries of an output where any of several values is right (ReLU'(0) ∈ {0, 1}). */
export interface AcceptMask {
  readonly where: HostArray;
  readonly equals: number;
  readonly values: readonly number[];
}

export const NUMPY_TOLERANCE: Tolerance = { rtol: 1e-5, atol: 1e-8 };

const join = (path: string, key: string | number): string => (path === "" ? String(key) : `${path}.${key}`);

/** A numeric leaf pair found once the structures agree. */
interface Leaf {
  readonly path: string;
  readonly expected: HostArray | number;
  readonly actual: HostArray | number;
}

/** A leaf for a message: a long string is cut to its beginning and its length (ADR 007). */
function shortJson(value: HostValue): string {
  if (typeof value === "string" && value.length > PREVIEW_CHARS) return `${JSON.stringify(value.slice(0, PREVIEW_CHARS))}… (${value.length} characters)`;
  const text = JSON.stringify(value) ?? "undefined";
  return text.length > PREVIEW_CHARS ? `${text.slice(0, PREVIEW_CHARS)}… (${text.length} characters of JSON)` : text;
}

/** Layer 1: same kinds of values and keys; collects the numeric leaves. */
export function structureMismatch(actual: HostValue, expected: HostValue, path = "", leaves: Leaf[] = []): Mismatch | null {
  const fail = (message: Localized): Mismatch => ({ layer: "structure", path, message });
  if (actual === undefined && expected !== undefined) return fail(messages.missingValue(path));
  if (expected instanceof HostArray) {
    if (actual instanceof HostArray) {
      leaves.push({ path, expected, actual });
      return null;
    }
    if (typeof actual === "number" && expected.shape.length === 0) {
      leaves.push({ path, expected: expected.data[0] ?? Number.NaN, actual });
      return null;
    }
    if (Array.isArray(actual)) return fail(messages.plainList(path));
    return fail(messages.notAnArray(path, describeValue(actual), expected.shape));
  }
  if (typeof expected === "number") {
    if (typeof actual === "number") {
      leaves.push({ path, expected, actual });
      return null;
    }
    if (actual instanceof HostArray) {
      if (actual.shape.length === 0) {
        leaves.push({ path, expected, actual: actual.data[0] ?? Number.NaN });
        return null;
      }
      return fail(messages.arrayInsteadOfNumber(path, actual.shape));
    }
    return fail(messages.notANumber(path, describeValue(actual)));
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return fail(messages.notAList(path, expected.length, describeValue(actual)));
    if (actual.length !== expected.length) return fail(messages.wrongLength(path, expected.length, actual.length));
    for (let i = 0; i < expected.length; i++) {
      const inner = structureMismatch(actual[i], expected[i], join(path, i), leaves);
      if (inner) return inner;
    }
    return null;
  }
  if (isRecord(expected)) {
    const keys = Object.keys(expected);
    if (!isRecord(actual)) return fail(messages.notAnObject(path, keys, describeValue(actual)));
    for (const key of keys) {
      if (!(key in actual) || actual[key] === undefined) return fail(messages.missingKey(path, key));
    }
    for (const key of keys) {
      const inner = structureMismatch(actual[key], expected[key], join(path, key), leaves);
      if (inner) return inner;
    }
    return null;
  }
  if (isHostFunction(expected)) return null;
  if (actual !== expected) return fail(messages.wrongValue(path, shortJson(expected), shortJson(actual)));
  return null;
}

/** Layer 2: every learner value finite where the reference's is. */
function finiteMismatch(leaf: Leaf): Mismatch | null {
  if (typeof leaf.actual === "number") {
    if (Number.isFinite(leaf.actual) || (typeof leaf.expected === "number" && !Number.isFinite(leaf.expected))) return null;
    return { layer: "finite", path: leaf.path, message: messages.notFinite(leaf.path, leaf.actual, null, 1) };
  }
  const data = leaf.actual.data;
  const expectedData = leaf.expected instanceof HostArray && leaf.expected.size === data.length ? leaf.expected.data : null;
  let first = -1;
  let count = 0;
  for (let i = 0; i < data.length; i++) {
    const x = data[i] ?? 0;
    if (Number.isFinite(x)) continue;
    if (expectedData && !Number.isFinite(expectedData[i] ?? 0)) continue;
    count += 1;
    if (first < 0) first = i;
  }
  if (count === 0) return null;
  const index = leaf.actual.indexOf(first);
  return {
    layer: "finite",
    path: leaf.path,
    message: messages.notFinite(leaf.path, data[first] ?? Number.NaN, index, count),
    worstIndex: index,
  };
}

/** What a shape mismatch probably means, in the words a learner searches for. */
export function shapeHint(expected: readonly number[], actual: readonly number[]): Localized | null {
  const sizeOf = (s: readonly number[]) => s.reduce((a, b) => a * b, 1);
  const squeezed = (s: readonly number[]) => s.filter((d) => d !== 1);
  const sameSqueezed = squeezed(expected).join(",") === squeezed(actual).join(",");
  if (sizeOf(expected) === sizeOf(actual) && sameSqueezed) {
    if (actual.length < expected.length) return messages.hintKeepdims();
    if (actual.length > expected.length) return messages.hintExtraDims();
  }
  if (expected.length === 2 && actual.length === 2 && expected[0] === actual[1] && expected[1] === actual[0]) {
    return messages.hintTransposed();
  }
  if (sizeOf(actual) > sizeOf(expected)) return messages.hintBroadcast();
  return null;
}

/** Layer 3: exact shapes. */
function shapeMismatch(leaf: Leaf): Mismatch | null {
  if (!(leaf.actual instanceof HostArray) || !(leaf.expected instanceof HostArray)) return null;
  const a = leaf.actual.shape;
  const e = leaf.expected.shape;
  if (a.length === e.length && a.every((d, i) => d === e[i])) return null;
  return { layer: "shape", path: leaf.path, message: messages.shapeMismatch(leaf.path, e, a, shapeHint(e, a)) };
}

const close = (a: number, e: number, tol: Tolerance): boolean =>
  a === e || Math.abs(a - e) <= tol.atol + tol.rtol * Math.abs(e) || (Number.isNaN(a) && Number.isNaN(e));

/** Layer 4: numpy.allclose, naming the worst entry. */
function valueMismatch(leaf: Leaf, tol: Tolerance, masks: readonly AcceptMask[]): Mismatch | null {
  if (typeof leaf.actual === "number" || typeof leaf.expected === "number") {
    const a = typeof leaf.actual === "number" ? leaf.actual : (leaf.actual.data[0] ?? Number.NaN);
    const e = typeof leaf.expected === "number" ? leaf.expected : (leaf.expected.data[0] ?? Number.NaN);
    if (close(a, e, tol)) return null;
    return {
      layer: "values",
      path: leaf.path,
      message: messages.numberDiffers(leaf.path, e, a, tol.rtol, tol.atol),
      hiddenMessage: messages.numberDiffers(leaf.path, e, a, tol.rtol, tol.atol, formatRounded),
      maxAbsError: Math.abs(a - e),
    };
  }
  const actual = leaf.actual.data;
  const expected = leaf.expected.data;
  let worst = -1;
  let worstExcess = -Infinity;
  let maxAbs = 0;
  let count = 0;
  for (let i = 0; i < expected.length; i++) {
    const a = actual[i] ?? Number.NaN;
    const e = expected[i] ?? Number.NaN;
    if (close(a, e, tol)) continue;
    if (masks.some((m) => maskAccepts(m, i, a, tol))) continue;
    count += 1;
    const diff = Math.abs(a - e);
    // Rank by how far outside the tolerance an entry is, so a small relative error on a large
    // value does not hide a gross error on a small one.
    const excess = diff / (tol.atol + tol.rtol * Math.abs(e) || Number.MIN_VALUE);
    if (diff > maxAbs) maxAbs = diff;
    if (excess > worstExcess) {
      worstExcess = excess;
      worst = i;
    }
  }
  if (count === 0) return null;
  const index = leaf.actual.indexOf(worst);
  const differ = (format?: (x: number) => string): Localized =>
    messages.valuesDiffer(leaf.path, index, expected[worst] ?? Number.NaN, actual[worst] ?? Number.NaN, tol.rtol, tol.atol, count, expected.length, format);
  let message = differ();
  let hiddenMessage = differ(formatRounded);
  const ratio = constantRatio(actual, expected);
  if (ratio !== null) {
    const hint = messages.ratioHint(ratio);
    message = { ko: `${message.ko} ${hint.ko}`, en: `${message.en} ${hint.en}` };
    hiddenMessage = { ko: `${hiddenMessage.ko} ${hint.ko}`, en: `${hiddenMessage.en} ${hint.en}` };
  }
  return { layer: "values", path: leaf.path, message, hiddenMessage, worstIndex: index, maxAbsError: maxAbs };
}

/** actual ≈ c · expected everywhere for one constant c ≠ 1 (a dropped 1/m, a doubled term). */
function constantRatio(actual: Float64Array, expected: Float64Array): number | null {
  let ratio: number | null = null;
  for (let i = 0; i < expected.length; i++) {
    const e = expected[i] ?? 0;
    const a = actual[i] ?? 0;
    if (Math.abs(e) < 1e-12) {
      if (Math.abs(a) > 1e-9) return null;
      continue;
    }
    const r = a / e;
    if (ratio === null) ratio = r;
    else if (Math.abs(r - ratio) > 1e-6 * Math.abs(ratio)) return null;
  }
  if (ratio === null || Math.abs(ratio - 1) < 1e-3 || ratio === 0 || !Number.isFinite(ratio)) return null;
  return ratio;
}

function maskAccepts(mask: AcceptMask, flat: number, actual: number, tol: Tolerance): boolean {
  const selector = mask.where.size === 1 ? mask.where.data[0] : mask.where.data[flat];
  if (selector !== mask.equals) return false;
  return mask.values.some((v) => close(actual, v, tol));
}

export interface CompareOptions extends Tolerance {
  readonly masks?: readonly AcceptMask[];
  /** Stop after this layer: "structure" for a structure check, "shape" for a shape check. */
  readonly upTo?: Mismatch["layer"];
  /** Name the compared part in messages, e.g. "dW1" when comparing atPath(output, "dW1"). */
  readonly path?: string;
}

/** The layered comparison: the first mismatch, or null when actual is allclose to expected. */
export function compareOutputs(actual: HostValue, expected: HostValue, options: CompareOptions = NUMPY_TOLERANCE): Mismatch | null {
  const leaves: Leaf[] = [];
  const structural = structureMismatch(actual, expected, options.path ?? "", leaves);
  if (structural || options.upTo === "structure") return structural;
  if (options.upTo !== "shape") {
    for (const leaf of leaves) {
      const m = finiteMismatch(leaf);
      if (m) return m;
    }
    if (options.upTo === "finite") return null;
  }
  for (const leaf of leaves) {
    const m = shapeMismatch(leaf);
    if (m) return m;
  }
  if (options.upTo === "shape") return null;
  for (const leaf of leaves) {
    const m = valueMismatch(leaf, options, options.masks ?? []);
    if (m) return m;
  }
  return null;
}

/** Loose equality used to match a submission against a known mistake: structure + allclose. */
export function outputsMatch(a: HostValue, b: HostValue, tol: Tolerance = NUMPY_TOLERANCE): boolean {
  const leaves: Leaf[] = [];
  if (structureMismatch(a, b, "", leaves)) return false;
  for (const leaf of leaves) {
    if (leaf.actual instanceof HostArray && leaf.expected instanceof HostArray) {
      if (shapeMismatch(leaf)) return false;
    }
    if (valueMismatch(leaf, tol, [])) return false;
  }
  return true;
}
