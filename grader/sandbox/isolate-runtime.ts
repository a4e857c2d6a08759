// The trusted code that runs INSIDE every isolate, bundled with np into one script (assets.ts) that
// every isolate evaluates first. It captures the built-ins it needs before any learner code exists, removes
// what escapes the limits (WebAssembly, shared memory), provides console, a seeded Math.random and
// `require("np")`, and does all conversion of learner values INSIDE the timed call: arguments in
// from JSON, results and thrown values out as a JSON string. The host never touches a learner
// object. Learner code may patch any prototype or global afterwards, so after start-up this file
// only calls captured functions, never iterates with for-of or spread, never calls array methods
// and never reads a property its own objects might lack. Edit with care: this is the boundary.
import * as np from "../np/index";
import { fromFlat } from "../np/interop";
import { NDArray } from "../np/ndarray";
import { MAX_ELEMENTS, MAX_NDIM, MAX_VALUE_CHARS, ONLY_NP_MESSAGE, PENDING, shapeOverBudget } from "./constants";

// ---- captured at start-up, before any learner code ----
/* eslint-disable @typescript-eslint/unbound-method -- captured on purpose, called later with Reflect.apply */
const G = globalThis as unknown as Record<string, unknown>;
const apply = Reflect.apply;
const getPrototypeOf = Reflect.getPrototypeOf;
const defineProperty = Reflect.defineProperty;
const deleteProperty = Reflect.deleteProperty;
const objectKeys = Object.keys;
const isArray = Array.isArray;
const jsonParse = JSON.parse;
const jsonStringify = JSON.stringify;
const isInteger = Number.isInteger;
const stringSlice = String.prototype.slice;
const stringCharCodeAt = String.prototype.charCodeAt;
const symbolToString = Symbol.prototype.toString;
const Float64ArrayCtor = Float64Array;
const typedArrayProto = getPrototypeOf(Float64Array.prototype) as object;
const typedArrayTag = Object.getOwnPropertyDescriptor(typedArrayProto, Symbol.toStringTag)?.get;
const typedArrayLength = Object.getOwnPropertyDescriptor(typedArrayProto, "length")?.get;
const promiseProto = Promise.prototype;
const promiseThen = Promise.prototype.then;
const weakMapGet = WeakMap.prototype.get;
const weakMapSet = WeakMap.prototype.set;
const FunctionCtor = Function;
const ErrorCtor = Error;
const imul = Math.imul;
const ndProto = NDArray.prototype;
const ndToString = NDArray.prototype.toString;
const npRandom = np.random;
const seedNp = np.random.seed;
const fromFlatFn = fromFlat;
/* eslint-enable @typescript-eslint/unbound-method */

const MAX_MESSAGE = 2_000;
const MAX_DEPTH = 64;
const TOO_LARGE = "the returned value is too large: over the budget of " + MAX_VALUE_CHARS + " characters of JSON";

// WebAssembly memory is allocated outside the V8 heap (memoryLimit does not see it) and shared
// memory could be changed after a result is read; learners need neither.
deleteProperty(G, "WebAssembly");
deleteProperty(G, "SharedArrayBuffer");
deleteProperty(G, "Atomics");

// ---- error positions: a stack formatter learners cannot replace ----
let learnerFilename = "";
const locations = new WeakMap<object, { line: number; column: number }>();
interface CallSiteLike {
  getFileName(): string | null | undefined;
  getLineNumber(): number | null;
  getColumnNumber(): number | null;
  getFunctionName(): string | null;
}
function formatStack(error: unknown, frames: CallSiteLike[]): string {
  let text = "Error";
  try {
    const name: unknown = (error as { name?: unknown }).name;
    const message: unknown = (error as { message?: unknown }).message;
    if (typeof name === "string") text = clip(name);
    if (typeof message === "string" && message.length > 0) text += ": " + clip(message);
  } catch {
    // A throwing name or message getter only costs the heading.
  }
  let found = false;
  const count = frames.length;
  for (let i = 0; i < count; i++) {
    const frame = frames[i];
    if (frame === undefined) continue;
    const file = frame.getFileName();
    const line = frame.getLineNumber();
    const column = frame.getColumnNumber();
    if (!found && file === learnerFilename && typeof line === "number" && typeof column === "number" && typeof error === "object" && error !== null) {
      found = true;
      apply(weakMapSet, locations, [error, { line, column }]);
    }
    if (file === learnerFilename) text += "\n    at " + (frame.getFunctionName() ?? "<anonymous>") + " (" + file + ":" + line + ":" + column + ")";
  }
  return text;
}
defineProperty(ErrorCtor, "prepareStackTrace", { value: formatStack, writable: false, configurable: false, enumerable: false });

// ---- plain-data conversion, everything built with string concatenation ----
// Thrown by the encoder for a value that cannot be returned; reported as a learner error.
class ResultError extends ErrorCtor {}
// A value over one of the budgets of constants.ts: reported with its own kind, "too-large".
class BudgetError extends ResultError {}

function clip(text: string): string {
  if (text.length <= MAX_MESSAGE) return text;
  return apply(stringSlice, text, [0, MAX_MESSAGE]) + "… (clipped)";
}

function encodeNumber(x: number, inArray: boolean): string {
  if (x !== x) return inArray ? '"NaN"' : '{"$num":"NaN"}';
  if (x === Infinity) return inArray ? '"Infinity"' : '{"$num":"Infinity"}';
  if (x === -Infinity) return inArray ? '"-Infinity"' : '{"$num":"-Infinity"}';
  if (x === 0 && 1 / x < 0) return "-0";
  return "" + x;
}

function realTypedArrayTag(value: object): string | undefined {
  const tag: unknown = typedArrayTag === undefined ? undefined : apply(typedArrayTag, value, []);
  return typeof tag === "string" ? tag : undefined;
}

function encodeFlat(data: ArrayLike<number>, length: number): string {
  // Every number takes at least two characters ("0,"): refuse before building what cannot fit.
  if (resultChars + 2 * length > MAX_VALUE_CHARS) throw new BudgetError(TOO_LARGE);
  let out = "[";
  for (let i = 0; i < length; i++) {
    if (i > 0) out += ",";
    out += encodeNumber(+(data[i] as number), true);
    if ((i & 4095) === 4095 && resultChars + out.length > MAX_VALUE_CHARS) throw new BudgetError(TOO_LARGE);
  }
  return out + "]";
}

function encodeNdArray(value: object): string {
  const shape: unknown = (value as { shape?: unknown }).shape;
  const data: unknown = (value as { data?: unknown }).data;
  if (!isArray(shape)) throw new ResultError("the returned array has no valid shape");
  if (typeof data !== "object" || data === null || realTypedArrayTag(data) !== "Float64Array" || typedArrayLength === undefined) {
    throw new ResultError("the returned array has no valid data");
  }
  const length = apply(typedArrayLength, data, []) as number;
  const rank = shape.length;
  if (!isInteger(rank) || rank < 0) throw new ResultError("the returned array has no valid shape");
  if (rank > MAX_NDIM) throw new BudgetError("the returned array has " + rank + " dimensions: over the budget of " + MAX_NDIM + " dimensions");
  // Each dimension is read once, into the runtime's own typed array (no prototype to patch).
  const dims = new Float64ArrayCtor(rank);
  let size = 1;
  let shapeText = "[";
  for (let i = 0; i < rank; i++) {
    const dim: unknown = shape[i];
    if (typeof dim !== "number" || !isInteger(dim) || dim < 0) throw new ResultError("the returned array has no valid shape");
    dims[i] = dim;
    size *= dim;
    shapeText += (i > 0 ? "," : "") + dim;
  }
  // A zero-size array may claim any dimensions, and the host would expand them (ADR 007).
  const over = shapeOverBudget(dims);
  if (over !== null) throw new BudgetError("the returned array " + over);
  if (size !== length) throw new ResultError("the returned array's shape does not match its data");
  return '{"$nd":{"shape":' + shapeText + '],"data":' + encodeFlat(data as Float64Array, length) + "}}";
}

let resultChars = 0;
function encodeValue(value: unknown, depth: number): string {
  if (depth > MAX_DEPTH) throw new ResultError("the returned value is nested too deeply (or refers to itself)");
  if (resultChars > MAX_VALUE_CHARS) throw new BudgetError(TOO_LARGE);
  switch (typeof value) {
    case "number":
      return encodeNumber(value, false);
    case "string":
      resultChars += value.length;
      return jsonStringify(value);
    case "boolean":
      return value ? "true" : "false";
    case "undefined":
      return "null";
    case "bigint":
      throw new ResultError("a BigInt cannot be returned; return a number");
    case "symbol":
      throw new ResultError("a Symbol cannot be returned");
    case "function":
      throw new ResultError("a function was returned instead of a value (did you forget to call it?)");
    default:
      break;
  }
  if (value === null) return "null";
  const object = value as object;
  if (getPrototypeOf(object) === ndProto) {
    const text = encodeNdArray(object);
    resultChars += text.length;
    return text;
  }
  const tag = realTypedArrayTag(object);
  if (tag !== undefined) {
    if (tag === "BigInt64Array" || tag === "BigUint64Array" || typedArrayLength === undefined) throw new ResultError("a BigInt array cannot be returned");
    const length = apply(typedArrayLength, object, []) as number;
    if (length > MAX_ELEMENTS) throw new BudgetError("the returned typed array has " + length + " elements: over the budget of " + MAX_ELEMENTS + " elements");
    const text = '{"$nd":{"shape":[' + length + '],"data":' + encodeFlat(object as Float64Array, length) + "}}";
    resultChars += text.length;
    return text;
  }
  if (isArray(object)) {
    const list = object as unknown[];
    const length = list.length;
    if (!isInteger(length) || length < 0) throw new ResultError("the returned array has an invalid length");
    let out = "[";
    for (let i = 0; i < length; i++) {
      if (i > 0) out += ",";
      out += encodeValue(list[i], depth + 1);
    }
    return out + "]";
  }
  const keys = objectKeys(object);
  const count = keys.length;
  let out = "{";
  for (let i = 0; i < count; i++) {
    const key: unknown = keys[i];
    if (typeof key !== "string") throw new ResultError("the returned object has invalid keys");
    if (key.length > 0 && apply(stringCharCodeAt, key, [0]) === 36) throw new ResultError('keys starting with "$" are reserved; rename "' + clip(key) + '"');
    if (i > 0) out += ",";
    resultChars += key.length;
    out += jsonStringify(key) + ":" + encodeValue((object as Record<string, unknown>)[key], depth + 1);
  }
  return out + "}";
}

function describeThrown(thrown: unknown): { message: string; line?: number; column?: number } {
  try {
    if (thrown instanceof ResultError) return { message: thrown.message };
    if ((typeof thrown === "object" && thrown !== null) || typeof thrown === "function") {
      const holder = thrown as { stack?: unknown; name?: unknown; message?: unknown };
      // Reading .stack runs formatStack once, which records the learner's frame.
      try {
        void holder.stack;
      } catch {
        // A throwing stack getter only costs the position.
      }
      const where = apply(weakMapGet, locations, [thrown]) as { line: number; column: number } | undefined;
      const name: unknown = holder.name;
      const message: unknown = holder.message;
      let text = typeof name === "string" && name.length > 0 ? clip(name) : "Error";
      if (typeof message === "string" && message.length > 0) text += ": " + clip(message);
      return where === undefined ? { message: text } : { message: text, line: where.line, column: where.column };
    }
    if (typeof thrown === "string") return { message: clip(thrown) };
    if (typeof thrown === "symbol") return { message: clip(apply(symbolToString, thrown, [])) };
    return { message: clip("" + (thrown as number | boolean | bigint | null | undefined)) };
  } catch {
    return { message: "a value was thrown that could not be read" };
  }
}

function encodeThrow(thrown: unknown, kind: string): string {
  try {
    // A thrown Proxy's getPrototypeOf trap may throw: then it is no BudgetError.
    if (thrown instanceof BudgetError) kind = "too-large";
  } catch {
    // describeThrown below reports what it can.
  }
  const d = describeThrown(thrown);
  let out = '{"ok":false,"error":{"kind":' + jsonStringify(kind) + ',"message":' + jsonStringify(d.message);
  if (d.line !== undefined && d.column !== undefined) out += ',"line":' + d.line + ',"column":' + d.column;
  return out + "}}";
}

function encodeOk(value: unknown): string {
  resultChars = 0;
  return '{"ok":true,"value":' + encodeValue(value, 0) + "}";
}

// ---- arguments in ----
function decodeArgument(value: unknown): unknown {
  if (typeof value !== "object" || value === null) return value;
  if (isArray(value)) {
    const length = value.length;
    // In place: these are JSON.parse's own data properties, so no learner setter is consulted.
    for (let i = 0; i < length; i++) value[i] = decodeArgument(value[i]);
    return value;
  }
  const record = value as Record<string, unknown>;
  const keys = objectKeys(record);
  if (keys.length === 1 && keys[0] === "$num") return +(record.$num as string);
  if (keys.length === 1 && keys[0] === "$nd") {
    const nd = record.$nd as { shape: number[]; data: (number | string)[] };
    const size = nd.data.length;
    const data = new Float64ArrayCtor(size);
    for (let i = 0; i < size; i++) data[i] = +(nd.data[i] as number);
    return fromFlatFn(nd.shape, data);
  }
  if (keys.length === 1 && keys[0] === "$fn") {
    const make = FunctionCtor("np", "return (" + (record.$fn as string) + ");") as (n: typeof np) => unknown;
    return make(np);
  }
  const count = keys.length;
  for (let i = 0; i < count; i++) {
    const key = keys[i] as string;
    record[key] = decodeArgument(record[key]);
  }
  return record;
}

// ---- console: a bounded buffer inside the isolate, no host callbacks ----
let stdoutCap = 0;
let stdoutText = "";
let stdoutTruncated = false;

function writeLine(line: string): void {
  if (stdoutTruncated) return;
  const room = stdoutCap - stdoutText.length;
  if (line.length + 1 <= room) {
    stdoutText += line + "\n";
    return;
  }
  stdoutText += apply(stringSlice, line, [0, room < 0 ? 0 : room]);
  stdoutTruncated = true;
}

function formatValue(value: unknown, depth: number, top: boolean): string {
  switch (typeof value) {
    case "string":
      return top ? value : jsonStringify(value);
    case "number":
      return value === 0 && 1 / value < 0 ? "-0" : "" + value;
    case "boolean":
    case "undefined":
      return "" + value;
    case "bigint":
      return "" + value + "n";
    case "symbol":
      return apply(symbolToString, value, []);
    case "function":
      return "[Function]";
    default:
      break;
  }
  if (value === null) return "null";
  const object = value as object;
  if (getPrototypeOf(object) === ndProto) {
    const text: unknown = apply(ndToString, object, []);
    return typeof text === "string" ? text : "[NDArray]";
  }
  if (object instanceof ErrorCtor) return describeThrown(object).message;
  if (isArray(object)) {
    if (depth > 2) return "[Array]";
    const list = object as unknown[];
    const shown = list.length < 100 ? list.length : 100;
    let out = "[";
    for (let i = 0; i < shown; i++) out += (i > 0 ? ", " : " ") + formatValue(list[i], depth + 1, false);
    if (list.length > shown) out += ", ... " + (list.length - shown) + " more items";
    return out + (shown > 0 ? " ]" : "]");
  }
  if (depth > 2) return "[Object]";
  const keys = objectKeys(object);
  const shown = keys.length < 100 ? keys.length : 100;
  let out = "{";
  for (let i = 0; i < shown; i++) {
    const key = keys[i] as string;
    out += (i > 0 ? ", " : " ") + key + ": " + formatValue((object as Record<string, unknown>)[key], depth + 1, false);
  }
  return out + (shown > 0 ? " }" : "}");
}

function log(...args: unknown[]): void {
  let line = "";
  const count = args.length;
  for (let i = 0; i < count; i++) {
    if (stdoutTruncated) return;
    line += (i > 0 ? " " : "") + formatValue(args[i], 0, true);
  }
  writeLine(line);
}

function makeConsole(): object {
  return { log, info: log, warn: log, error: log, debug: log, trace: log, dir: log, table: log };
}

// ---- a seeded Math.random (sfc32 from a splitmix32 expansion of the seed) ----
function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  const next = (): number => {
    s = (s + 0x9e3779b9) | 0;
    let z = s;
    z = imul(z ^ (z >>> 16), 0x85ebca6b);
    z = imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = next();
  let b = next();
  let c = next();
  let d = next();
  return function random(): number {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
}

function requireModule(name: unknown): unknown {
  if (name === "np") return np;
  throw new ErrorCtor(ONLY_NP_MESSAGE + '; "' + clip("" + (typeof name === "string" ? name : typeof name)) + '" is not available');
}

// ---- the API the worker drives, taken (and removed from the global) before learner code runs ----
let learnerFunction: unknown;
let settled: string | undefined;

function init(configJson: string): void {
  const config = jsonParse(configJson) as { filename: string; stdoutCap: number; mathRandomSeed: number };
  learnerFilename = config.filename;
  stdoutCap = config.stdoutCap;
  defineProperty(Math, "random", { value: seededRandom(config.mathRandomSeed), writable: true, configurable: true, enumerable: false });
  defineProperty(G, "console", { value: makeConsole(), writable: true, configurable: true, enumerable: false });
  defineProperty(G, "require", { value: requireModule, writable: true, configurable: true, enumerable: false });
}

/** Runs the learner's module (the wrapper the worker compiled) and finds `entry` ("" = module mode). */
function load(entry: string): string {
  try {
    const wrapper = G.__learnerModule;
    deleteProperty(G, "__learnerModule");
    if (typeof wrapper !== "function") return '{"ok":false,"error":{"kind":"throw","message":"internal: the module wrapper is missing"}}';
    const module = { exports: {} as Record<string, unknown> };
    apply(wrapper, module.exports, [module.exports, requireModule, module, G.console]);
    if (entry === "") return '{"ok":true}';
    const exports = module.exports;
    if (typeof exports !== "object" || exports === null) return encodeThrow("module.exports is not an object", "missing-export");
    const candidate: unknown = exports[entry];
    if (candidate === undefined) {
      const names = objectKeys(exports);
      let list = "";
      for (let i = 0; i < names.length && i < 20; i++) list += (i > 0 ? ", " : "") + names[i];
      const message = 'the file does not export "' + entry + '"' + (list === "" ? " (it exports nothing)" : " (it exports: " + list + ")");
      return '{"ok":false,"error":{"kind":"missing-export","message":' + jsonStringify(clip(message)) + "}}";
    }
    if (typeof candidate !== "function") {
      const message = '"' + entry + '" is exported but is not a function (it is ' + (candidate === null ? "null" : typeof candidate) + ")";
      return '{"ok":false,"error":{"kind":"not-a-function","message":' + jsonStringify(message) + "}}";
    }
    learnerFunction = candidate;
    return '{"ok":true}';
  } catch (thrown) {
    return encodeThrow(thrown, "throw");
  }
}

function call(argsJson: string, npSeed: number): string {
  settled = undefined;
  try {
    try {
      const args = decodeArgument(jsonParse(argsJson)) as unknown[];
      if (npSeed >= 0) apply(seedNp, npRandom, [npSeed]);
      const result: unknown = apply(learnerFunction as (...a: unknown[]) => unknown, undefined, args);
      if (typeof result === "object" && result !== null && getPrototypeOf(result) === promiseProto) {
        void apply(promiseThen, result, [
          (value: unknown) => {
            try {
              settled = encodeOk(value);
            } catch (thrown) {
              settled = encodeThrow(thrown, "throw");
            }
          },
          (thrown: unknown) => {
            settled = encodeThrow(thrown, "throw");
          },
        ]);
        return PENDING;
      }
      return encodeOk(result);
    } catch (thrown) {
      return encodeThrow(thrown, "throw");
    }
  } catch {
    return '{"ok":false,"error":{"kind":"throw","message":"the call failed in a way that could not be described"}}';
  }
}

/** After an async call: its settled result; the microtask queue has drained, so pending means never. */
function collect(): string {
  if (settled !== undefined) return settled;
  return '{"ok":false,"error":{"kind":"timeout","message":"the returned promise never settled"}}';
}

function output(): string {
  return '{"text":' + jsonStringify(stdoutText) + ',"truncated":' + (stdoutTruncated ? "true" : "false") + "}";
}

if (typeof npRandom !== "object" || typeof seedNp !== "function") throw new ErrorCtor("np runtime incomplete");

defineProperty(G, "__sandboxRuntime", { value: { init, load, call, collect, output }, writable: true, configurable: true, enumerable: false });
