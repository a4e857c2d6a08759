// The host-side form of the values that cross the sandbox boundary. The sandbox speaks PlainValue
// (its schema is grader/sandbox/protocol.ts, parsed once where results leave the worker); the host
// works on HostValue, where arrays are HostArray instances (shape + row-major Float64Array) so
// comparisons never need `np`. Edit when the sandbox's value encoding changes.
import type { PlainValue } from "../sandbox/protocol";

/** An n-d float64 array in the host: numpy's row-major layout. */
export class HostArray {
  constructor(
    readonly shape: readonly number[],
    readonly data: Float64Array,
  ) {
    let size = 1;
    for (const d of shape) size *= d;
    if (size !== data.length) throw new Error(`HostArray: shape (${shape.join(", ")}) does not hold ${data.length} values`);
  }

  get size(): number {
    return this.data.length;
  }

  /** The multi-index of a flat row-major position. */
  indexOf(flat: number): number[] {
    const index = new Array<number>(this.shape.length).fill(0);
    let rest = flat;
    for (let axis = this.shape.length - 1; axis >= 0; axis--) {
      const dim = this.shape[axis] ?? 1;
      index[axis] = rest % dim;
      rest = Math.floor(rest / dim);
    }
    return index;
  }

  /** Nested lists, like numpy's tolist(); NaN and ±Infinity stay numbers. */
  toNested(): NestedNumbers {
    const build = (axis: number, offset: number): NestedNumbers => {
      if (axis === this.shape.length) return this.data[offset] ?? Number.NaN;
      const dim = this.shape[axis] ?? 0;
      let stride = 1;
      for (let a = axis + 1; a < this.shape.length; a++) stride *= this.shape[a] ?? 1;
      const out: NestedNumbers[] = [];
      for (let i = 0; i < dim; i++) out.push(build(axis + 1, offset + i * stride));
      return out;
    };
    return build(0, 0);
  }
}
export type NestedNumbers = number | NestedNumbers[];

/** A trusted author function, materialised inside the isolate. */
export interface HostFunction {
  readonly $fn: string;
}

export type HostValue =
  | number
  | boolean
  | string
  | null
  | undefined
  | HostArray
  | HostFunction
  | HostValue[]
  | { [key: string]: HostValue };

export function isHostArray(value: HostValue): value is HostArray {
  return value instanceof HostArray;
}

export function isHostFunction(value: HostValue): value is HostFunction {
  return typeof value === "object" && value !== null && !(value instanceof HostArray) && !Array.isArray(value) && typeof (value as { $fn?: unknown }).$fn === "string" && Object.keys(value).length === 1;
}

export function isRecord(value: HostValue): value is { [key: string]: HostValue } {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof HostArray) && !isHostFunction(value);
}

export function toPlain(value: HostValue): PlainValue {
  if (value === undefined) return null;
  if (value instanceof HostArray) return { $nd: { shape: [...value.shape], data: value.data } };
  if (Array.isArray(value)) return value.map(toPlain);
  if (isHostFunction(value)) return { $fn: value.$fn };
  if (typeof value === "object" && value !== null) {
    const out: { [key: string]: PlainValue } = {};
    for (const [k, v] of Object.entries(value)) out[k] = toPlain(v);
    return out;
  }
  return value;
}

export function fromPlain(value: PlainValue): HostValue {
  if (Array.isArray(value)) return value.map(fromPlain);
  if (typeof value === "object" && value !== null) {
    if ("$nd" in value && typeof value.$nd === "object" && value.$nd !== null && !Array.isArray(value.$nd) && "shape" in value.$nd) {
      const nd = value.$nd as { shape: number[]; data: number[] | Float64Array };
      return new HostArray(nd.shape, Float64Array.from(nd.data));
    }
    if ("$fn" in value && typeof value.$fn === "string") return { $fn: value.$fn };
    const out: { [key: string]: HostValue } = {};
    for (const [k, v] of Object.entries(value)) out[k] = fromPlain(v as PlainValue);
    return out;
  }
  return value;
}

/**
 * What one shown value may cost, in numbers plus characters: a verdict stores and sends every
 * visible test's `expected` and `actual`, so a learner's 15-million-character string or a
 * million-element array must not become a 30 MB verdict (ADR 007).
 */
export const SHOWN_BUDGET = 10_000;
/** How much of a value over the budget its preview keeps (numbers, characters or items). */
export const PREVIEW_ITEMS = 100;
export const PREVIEW_CHARS = 200;

/** A value over the shown budget: its size and its beginning. */
export interface ShownPreview {
  readonly truncated: true;
  /** Arrays: the shape; strings and lists: the length. */
  readonly shape?: number[];
  readonly size?: number;
  readonly length?: number;
  readonly preview: unknown;
}

const shownNumber = (x: number): number | string => (Number.isFinite(x) ? x : String(x));

/** Nested lists a shape expands to, counting every list and number (zero dimensions count as 1). */
function expansionCost(shape: readonly number[]): number {
  let cost = 1;
  let extent = 1;
  for (const dim of shape) {
    extent *= Math.max(dim, 1);
    cost += extent;
    if (cost > Number.MAX_SAFE_INTEGER / 2) return Infinity;
  }
  return cost;
}

/**
 * A value shown to the learner in a verdict: arrays as nested lists with their shape, within
 * SHOWN_BUDGET for the whole value; what does not fit is a ShownPreview with its size.
 */
export function toShown(value: HostValue, budget: { left: number } = { left: SHOWN_BUDGET }): unknown {
  if (value === undefined) return null;
  // A preview takes what is left of the budget, at most PREVIEW_ITEMS / PREVIEW_CHARS of it.
  const previewRoom = (most: number): number => {
    const room = Math.max(0, Math.min(most, budget.left));
    budget.left -= Math.max(room, 1);
    return room;
  };
  if (value instanceof HostArray) {
    // Never expand on the host what the budget cannot hold: (1000000000, 0) has no number but a
    // billion lists.
    const cost = expansionCost(value.shape);
    if (cost <= budget.left) {
      budget.left -= cost;
      return { shape: [...value.shape], values: value.toNested() };
    }
    const preview = Array.from(value.data.subarray(0, previewRoom(PREVIEW_ITEMS)), shownNumber);
    return { truncated: true, shape: [...value.shape], size: value.size, preview } satisfies ShownPreview;
  }
  if (typeof value === "string") {
    if (value.length <= budget.left) {
      budget.left -= value.length;
      return value;
    }
    return { truncated: true, length: value.length, preview: value.slice(0, previewRoom(PREVIEW_CHARS)) } satisfies ShownPreview;
  }
  if (Array.isArray(value)) {
    const items: unknown[] = [];
    for (const item of value) {
      if (budget.left <= 0) return { truncated: true, length: value.length, preview: items } satisfies ShownPreview;
      budget.left -= 1;
      items.push(toShown(item, budget));
    }
    return items;
  }
  if (isHostFunction(value)) return "<function>";
  if (typeof value === "object" && value !== null) {
    const out: Record<string, unknown> = {};
    const entries = Object.entries(value);
    for (let i = 0; i < entries.length; i++) {
      const [k, v] = entries[i] ?? ["", undefined];
      if (budget.left <= 0) {
        out["…"] = `${entries.length - i} more keys`;
        break;
      }
      budget.left -= k.length;
      out[k] = toShown(v, budget);
    }
    return out;
  }
  budget.left -= 1;
  if (typeof value === "number") return shownNumber(value);
  return value;
}

/** Follows a check path ("", "dW1", "1.Z1") into a value; undefined when absent. */
export function atPath(value: HostValue, path: string): HostValue {
  if (path === "") return value;
  let current: HostValue = value;
  for (const part of path.split(".")) {
    if (Array.isArray(current)) {
      current = current[Number(part)];
    } else if (current !== null && typeof current === "object" && !(current instanceof HostArray)) {
      current = (current as Record<string, HostValue>)[part];
    } else {
      return undefined;
    }
  }
  return current;
}
