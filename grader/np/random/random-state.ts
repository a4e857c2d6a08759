// numpy's legacy `np.random.RandomState`, bit for bit: the same MT19937 stream and the
// same legacy algorithms (53-bit doubles, polar Box–Muller with a cached second value,
// masked rejection for integers, numpy's Fisher–Yates for shuffle), so a learner's
// `np.random.seed(1); np.random.randn(2, 3)` gives exactly what numpy gives and the
// grader can replay numpy-made reference data. Every method is checked against numpy
// output in random-state.test.ts (fixtures from scripts/golden/random_fixtures.py).
// Edit this only to follow numpy; a change that alters one draw breaks every fixture.
import { IndexError, ValueError } from "../errors";
import { broadcastShapes } from "../kernels/shape";
import { NDArray, type ArrayInput } from "../ndarray";
import {
  bindArguments,
  broadcastOutputShape,
  pythonTypeName,
  shapeOf,
  shapeSize,
  spread,
  toDimensions,
  toNDArray,
  toParameter,
  toShape,
  type Parameter,
  type Size,
} from "./arguments";
import { glibcLog } from "./glibc-log";
import { MT19937 } from "./mt19937";

/** An integer in [0, 2**32) or a non-empty list of them (numpy's `init_by_array`). */
export type Seed = number | readonly number[];

/** `seed(seed)` as a keyword object. */
export interface SeedOptions {
  seed?: Seed | null;
}

/**
 * numpy's legacy state tuple: ("MT19937", key[624], pos, has_gauss, cached_gaussian).
 * Lets a caller draw privately from the global stream and then put it back.
 */
export type LegacyState = readonly ["MT19937", NDArray, number, number, number];

/** Values numpy's `choice` can draw from: a population size or a 1-d array. */
export type Population = number | readonly number[] | NDArray;

/** `randint(low, high, size, dtype)` as a keyword object. */
export interface RandintOptions {
  low?: ArrayInput;
  high?: ArrayInput | null;
  size?: Size | null;
  dtype?: "int" | "int64" | "int32";
}

export interface NormalOptions {
  loc?: ArrayInput;
  scale?: ArrayInput;
  size?: Size | null;
}

export interface UniformOptions {
  low?: ArrayInput;
  high?: ArrayInput;
  size?: Size | null;
}

export interface ChoiceOptions {
  size?: Size | null;
  replace?: boolean;
  p?: readonly number[] | NDArray | null;
}

export interface SizeOptions {
  size?: Size | null;
}

/** Keyword arguments that set `size`, which makes the result an array. */
export interface WithSize {
  size: Size;
}

/** Python raises OverflowError where numpy cannot represent a bound. */
export class OverflowError extends Error {
  override name = "OverflowError";
}

const UINT32_MAX = 0xffffffff;
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const INT32_MIN = -(2n ** 31n);
const INT32_MAX = 2n ** 31n - 1n;
// sqrt(finfo(float64).eps): numpy's tolerance on sum(p) == 1 in choice.
const CHOICE_P_ATOL = Math.sqrt(2 ** -52);

export class RandomState {
  private readonly mt = new MT19937();
  private hasGauss = false;
  private gauss = 0;

  constructor(seed?: Seed | null) {
    this.seed(seed);
  }

  /**
   * numpy's legacy seeding: an integer uses MT19937's `init_genrand`, an array of
   * integers `init_by_array`, nothing at all fresh entropy. Re-seeding also forgets the
   * cached second gaussian, like numpy.
   */
  seed(seed?: Seed | null | SeedOptions): void {
    const [value] = bindArguments("seed", ["seed"], [seed]);
    if (value === undefined || value === null) {
      this.mt.seedByArray(entropyWords());
    } else if (typeof value === "number" || typeof value === "boolean") {
      this.mt.seed(toSeedWord(value));
    } else if (Array.isArray(value)) {
      this.mt.seedByArray(toSeedWords(value));
    } else if (value instanceof NDArray) {
      // Our arrays are float64, and numpy refuses to cast float64 seeds to integers.
      throw new TypeError("Cannot cast array data from dtype('float64') to dtype('int64') according to the rule 'safe'");
    } else {
      throw new TypeError("Cannot cast scalar from dtype('O') to dtype('int64') according to the rule 'safe'");
    }
    this.hasGauss = false;
    this.gauss = 0;
  }

  /** numpy's `get_state()`: ("MT19937", key, pos, has_gauss, cached_gaussian). */
  get_state(): LegacyState {
    const { key, pos } = this.mt.snapshot();
    return ["MT19937", new NDArray(Float64Array.from(key), [key.length]), pos, this.hasGauss ? 1 : 0, this.gauss];
  }

  /** numpy's `set_state(state)` for a legacy state tuple; the cached gaussian is optional. */
  set_state(state: LegacyState | readonly [string, NDArray | readonly number[], number, number?, number?]): void {
    if (!Array.isArray(state)) throw new TypeError("state must be a dict or a tuple.");
    const [name, keyArg, pos, hasGauss = 0, gauss = 0] = state as readonly unknown[];
    if (name !== "MT19937") throw new ValueError("set_state can only be used with legacy MT19937 state instances.");
    const key = toNDArray(keyArg).data;
    if (key.length !== 624 || !key.every((w) => Number.isInteger(w) && w >= 0 && w <= UINT32_MAX)) {
      throw new ValueError("state must be 624 unsigned 32-bit integers");
    }
    if (typeof pos !== "number" || !Number.isInteger(pos) || pos < 0 || pos > 624) {
      throw new ValueError("pos must be an integer between 0 and 624");
    }
    this.mt.restore(key, pos);
    this.hasGauss = Boolean(hasGauss);
    this.gauss = typeof gauss === "number" ? gauss : Number(gauss);
  }

  /** Uniform floats in [0, 1). */
  random_sample(size?: null | { size?: null }): number;
  random_sample(size: Size | WithSize): NDArray;
  random_sample(size?: Size | SizeOptions | null): number | NDArray;
  random_sample(...args: unknown[]): number | NDArray {
    const [size] = bindArguments("random_sample", ["size"], args);
    return this.uniforms(toShape(size), 0, 1);
  }

  /** Alias of `random_sample`, as in numpy. */
  random(size?: null | { size?: null }): number;
  random(size: Size | WithSize): NDArray;
  random(size?: Size | SizeOptions | null): number | NDArray;
  random(...args: unknown[]): number | NDArray {
    const [size] = bindArguments("random", ["size"], args);
    return this.uniforms(toShape(size), 0, 1);
  }

  /** `rand(d0, d1, ...)`: uniform floats in [0, 1) of shape (d0, d1, ...); no dims gives a number. */
  rand(): number;
  rand(...dims: number[]): NDArray;
  rand(...dims: unknown[]): number | NDArray {
    return this.uniforms(dims.length === 0 ? null : toDimensions(dims), 0, 1);
  }

  /**
   * `randn(d0, d1, ...)`: standard normal floats of shape (d0, d1, ...).
   * numpy's randn takes the dimensions as separate integers, so `randn([2, 2])` throws
   * numpy's "'tuple' object cannot be interpreted as an integer" on purpose: the lecture
   * notes write `np.random.randn((2,2))`, which fails the same way in numpy, and a
   * learner who copies it should see why. Write `randn(2, 2)`.
   */
  randn(): number;
  randn(...dims: number[]): NDArray;
  randn(...dims: unknown[]): number | NDArray {
    return this.gaussians(dims.length === 0 ? null : toDimensions(dims), 0, 1);
  }

  /** Standard normal floats; `size` like numpy (a number or a shape). */
  standard_normal(size?: null | { size?: null }): number;
  standard_normal(size: Size | WithSize): NDArray;
  standard_normal(size?: Size | SizeOptions | null): number | NDArray;
  standard_normal(...args: unknown[]): number | NDArray {
    const [size] = bindArguments("standard_normal", ["size"], args);
    return this.gaussians(toShape(size), 0, 1);
  }

  /**
   * Normal floats `loc + scale * gauss` (numpy's `legacy_normal`). `loc` and `scale` may
   * be arrays: they broadcast, and the output (of shape `size` or their broadcast shape)
   * is drawn in row-major order, as numpy does.
   */
  normal(loc?: number, scale?: number, size?: null): number;
  normal(loc: ArrayInput | undefined, scale: ArrayInput | undefined, size: Size | WithSize): NDArray;
  normal(options: NormalOptions & WithSize): NDArray;
  normal(loc: ArrayInput, options: NormalOptions & WithSize): NDArray;
  normal(
    loc?: ArrayInput | NormalOptions,
    scale?: ArrayInput | NormalOptions,
    size?: Size | SizeOptions | null,
  ): number | NDArray;
  normal(...args: unknown[]): number | NDArray {
    const [locArg, scaleArg, size] = bindArguments("normal", ["loc", "scale", "size"], args);
    const loc = toParameter(locArg, 0);
    const scale = toParameter(scaleArg, 1);
    // numpy's CONS_NON_NEGATIVE tests the sign bit, so -0.0 is refused and NaN passes.
    const negative = (v: number) => !Number.isNaN(v) && (v < 0 || Object.is(v, -0));
    if (typeof scale === "number" ? negative(scale) : scale.data.some(negative)) throw new ValueError("scale < 0");
    const shape = toShape(size);
    if (typeof loc === "number" && typeof scale === "number") return this.gaussians(shape, loc, scale);
    const out = broadcastOutputShape(shape, [loc, scale]);
    const locs = spread(loc, out);
    const scales = spread(scale, out);
    const data = new Float64Array(locs.length);
    for (let i = 0; i < data.length; i++) data[i] = (locs[i] ?? 0) + (scales[i] ?? 0) * this.nextGauss();
    return new NDArray(data, out);
  }

  /**
   * Uniform floats `low + (high - low) * random_sample()`; high < low is allowed, and
   * rounding can return `high` itself, as in numpy. `low` and `high` may be arrays.
   */
  uniform(low?: number, high?: number, size?: null): number;
  uniform(low: ArrayInput | undefined, high: ArrayInput | undefined, size: Size | WithSize): NDArray;
  uniform(options: UniformOptions & WithSize): NDArray;
  uniform(low: ArrayInput, options: UniformOptions & WithSize): NDArray;
  uniform(
    low?: ArrayInput | UniformOptions,
    high?: ArrayInput | UniformOptions,
    size?: Size | SizeOptions | null,
  ): number | NDArray;
  uniform(...args: unknown[]): number | NDArray {
    const [lowArg, highArg, size] = bindArguments("uniform", ["low", "high", "size"], args);
    const low = toParameter(lowArg, 0);
    const high = toParameter(highArg, 1);
    const shape = toShape(size);
    if (typeof low === "number" && typeof high === "number") {
      const range = high - low;
      if (!Number.isFinite(range)) throw new OverflowError("Range exceeds valid bounds");
      return this.uniforms(shape, low, range);
    }
    // numpy subtracts first (np.subtract(high, low)), then draws against (low, range).
    const rangeShape = broadcastShapes(shapeOf(high), shapeOf(low));
    const highs = spread(high, rangeShape);
    const ranges = spread(low, rangeShape).map((l, i) => (highs[i] ?? 0) - l);
    if (!ranges.every(Number.isFinite)) throw new OverflowError("Range exceeds valid bounds");
    const range = new NDArray(ranges, rangeShape);
    const out = broadcastOutputShape(shape, [low, range]);
    const lows = spread(low, out);
    const outRanges = spread(range, out);
    const data = new Float64Array(lows.length);
    for (let i = 0; i < data.length; i++) data[i] = (lows[i] ?? 0) + (outRanges[i] ?? 0) * this.mt.nextDouble();
    return new NDArray(data, out);
  }

  /**
   * Integers in [low, high) (or [0, low) with one bound), numpy's legacy int64 path:
   * masked rejection on 32-bit draws when the range fits 32 bits, 64-bit draws beyond.
   * Bounds may be arrays (they broadcast). Results are float64 values like every array
   * here, so beyond 2**53 they round.
   */
  randint(low: number, high?: number | null, size?: null): number;
  randint(low: ArrayInput, high: ArrayInput | null | undefined, size: Size | (RandintOptions & WithSize)): NDArray;
  randint(options: RandintOptions & WithSize & { low: ArrayInput }): NDArray;
  randint(low: ArrayInput, options: RandintOptions & WithSize): NDArray;
  randint(
    low: ArrayInput | (RandintOptions & { low: ArrayInput }),
    high?: ArrayInput | RandintOptions | null,
    size?: Size | RandintOptions | null,
  ): number | NDArray;
  randint(...args: unknown[]): number | NDArray {
    const [lowArg, highArg, sizeArg, dtype] = bindArguments("randint", ["low", "high", "size", "dtype"], args);
    if (lowArg === undefined) throw new TypeError("randint() missing 1 required positional argument: 'low'");
    const bounds = dtypeBounds(dtype);
    const shape = toShape(sizeArg);
    // numpy returns an empty array before it looks at the bounds.
    if (shape !== null && shapeSize(shape) === 0) return new NDArray(new Float64Array(0), shape);
    let lowParam = toParameter(lowArg, 0);
    let highParam: Parameter;
    if (highArg === undefined || highArg === null) {
      highParam = lowParam;
      lowParam = 0;
    } else {
      highParam = toParameter(highArg, 0);
    }
    if (typeof lowParam === "number" && typeof highParam === "number") {
      const low = toPythonInt(lowParam);
      // The generator draws on the closed interval [low, high - 1].
      const high = toPythonInt(highParam) - 1n;
      checkIntegerBounds(bounds, [low], [high]);
      return this.fill(shape, this.boundedIntegers(low, high - low));
    }
    const out = broadcastOutputShape(shape, [lowParam, highParam]);
    const lows = Array.from(spread(lowParam, out), (l) => toPythonInt(l));
    const highs = Array.from(spread(highParam, out), (h) => toPythonInt(h) - 1n);
    checkIntegerBounds(bounds, lows, highs);
    // numpy's _rand_int64_broadcast: one bounded draw per element, in row-major order.
    const data = new Float64Array(lows.length);
    for (let i = 0; i < data.length; i++) {
      const low = lows[i] ?? 0n;
      data[i] = this.boundedIntegers(low, (highs[i] ?? 0n) - low)();
    }
    return new NDArray(data, out);
  }

  /** Shuffles `x` in place along its first axis (rows of a matrix stay whole). */
  shuffle(x: NDArray | unknown[]): void {
    if (Array.isArray(x)) {
      for (let i = x.length - 1; i > 0; i--) {
        const j = this.randomInterval(i);
        const held = x[i];
        x[i] = x[j];
        x[j] = held;
      }
      return;
    }
    if (!(x instanceof NDArray)) throw new TypeError(`object of type '${pythonTypeName(x)}' has no len()`);
    const n = x.shape[0];
    if (n === undefined) throw new TypeError("len() of unsized object");
    const rowLength = n === 0 ? 0 : x.data.length / n;
    const data = x.data;
    if (rowLength === 1) {
      // numpy's fast path for 1-d arrays; same draws as the row-by-row loop below.
      for (let i = n - 1; i > 0; i--) {
        const j = this.randomInterval(i);
        const held = data[i] ?? Number.NaN;
        data[i] = data[j] ?? Number.NaN;
        data[j] = held;
      }
      return;
    }
    const row = new Float64Array(rowLength);
    for (let i = n - 1; i > 0; i--) {
      const j = this.randomInterval(i);
      if (i === j) continue;
      row.set(data.subarray(j * rowLength, (j + 1) * rowLength));
      data.copyWithin(j * rowLength, i * rowLength, (i + 1) * rowLength);
      data.set(row, i * rowLength);
    }
  }

  /** A shuffled `arange(n)`, or a shuffled copy of an array along its first axis. */
  permutation(x: number | readonly unknown[] | NDArray): NDArray {
    if (typeof x === "number") {
      if (!Number.isInteger(x)) throw new IndexError("x must be an integer or at least 1-dimensional");
      const n = Math.max(0, x);
      const out = new NDArray(Float64Array.from({ length: n }, (_, i) => i), [n]);
      this.shuffle(out);
      return out;
    }
    const source = toNDArray(x);
    if (source.shape.length < 1) throw new IndexError("x must be an integer or at least 1-dimensional");
    const out = new NDArray(source.data.slice(), source.shape.slice());
    this.shuffle(out);
    return out;
  }

  /**
   * numpy's legacy `choice(a, size=None, replace=True, p=None)`: with replacement it
   * draws `randint` (or inverts the cdf of `p` with `random_sample`); without
   * replacement it takes the head of a permutation (or numpy's repeated cdf draws).
   */
  choice(a: Population, size?: null, replace?: boolean, p?: readonly number[] | NDArray | null): number;
  choice(a: Population, size: Size, replace?: boolean, p?: readonly number[] | NDArray | null): NDArray;
  choice(a: Population, options: ChoiceOptions & WithSize): NDArray;
  choice(a: Population, options: ChoiceOptions): number | NDArray;
  choice(...args: unknown[]): number | NDArray {
    const [aArg, sizeArg, replaceArg, pArg] = bindArguments("choice", ["a", "size", "replace", "p"], args);
    const shape = toShape(sizeArg);
    const count = shape === null ? 1 : shapeSize(shape);
    let population: Float64Array | null = null;
    let popSize: number;
    if (typeof aArg === "number") {
      if (!Number.isInteger(aArg)) throw new ValueError("a must be 1-dimensional or an integer");
      popSize = aArg;
      if (popSize <= 0 && count !== 0) throw new ValueError("a must be greater than 0 unless no samples are taken");
    } else {
      const a = toNDArray(aArg);
      if (a.shape.length !== 1) {
        throw new ValueError(a.shape.length === 0 ? "a must be 1-dimensional or an integer" : "a must be 1-dimensional");
      }
      population = a.data;
      popSize = a.data.length;
      if (popSize === 0 && count !== 0) throw new ValueError("'a' cannot be empty unless no samples are taken");
    }
    const p = pArg === undefined || pArg === null ? null : checkProbabilities(pArg, popSize);
    const replace = replaceArg === undefined ? true : Boolean(replaceArg);

    let indices: Float64Array;
    if (replace) {
      if (p === null) {
        indices = toFlat(this.randint(0, popSize, shape ?? []));
      } else {
        const cdf = normalisedCdf(p);
        indices = toFlat(this.random_sample(shape ?? [])).map((u) => searchSortedRight(cdf, u));
      }
    } else {
      if (count > popSize) throw new ValueError("Cannot take a larger sample than population when 'replace=False'");
      if (p === null) {
        indices = this.permutation(popSize).data.slice(0, count);
      } else {
        indices = this.choiceWithoutReplacement(p, count);
      }
    }
    const values = population === null ? indices : indices.map((i) => population[i] ?? Number.NaN);
    if (shape === null) return values[0] ?? Number.NaN;
    return new NDArray(values, shape);
  }

  /** numpy's legacy `legacy_gauss`: polar Box–Muller, the second value kept for the next call. */
  private nextGauss(): number {
    if (this.hasGauss) {
      this.hasGauss = false;
      const cached = this.gauss;
      this.gauss = 0;
      return cached;
    }
    let x1: number;
    let x2: number;
    let r2: number;
    do {
      x1 = 2 * this.mt.nextDouble() - 1;
      x2 = 2 * this.mt.nextDouble() - 1;
      r2 = x1 * x1 + x2 * x2;
    } while (r2 >= 1 || r2 === 0);
    // glibc's log, not Math.log: they disagree in the last bit on ~5% of inputs.
    const f = Math.sqrt((-2 * glibcLog(r2)) / r2);
    this.gauss = f * x1;
    this.hasGauss = true;
    return f * x2;
  }

  /** numpy's `random_interval`: a uniform integer in [0, max] by masked rejection. */
  private randomInterval(max: number): number {
    if (max === 0) return 0;
    const mask = mask32(max);
    let value: number;
    do {
      value = (this.mt.nextUint32() & mask) >>> 0;
    } while (value > max);
    return value;
  }

  /**
   * numpy's `random_bounded_uint64_fill` with `use_masked`: returns a drawer of
   * `off + v`, v uniform in [0, rng].
   */
  private boundedIntegers(off: bigint, rng: bigint): () => number {
    const mt = this.mt;
    // Adding in doubles is exact while |off| + 2**32 stays below 2**53.
    const exactOffset = off >= -(2n ** 52n) && off <= 2n ** 52n ? Number(off) : null;
    const shift = (v: number): number => (exactOffset === null ? Number(off + BigInt(v)) : exactOffset + v);
    if (rng === 0n) return () => shift(0);
    if (rng <= BigInt(UINT32_MAX)) {
      const max = Number(rng);
      if (max === UINT32_MAX) return () => shift(mt.nextUint32());
      const mask = mask32(max);
      return () => {
        let value: number;
        do {
          value = (mt.nextUint32() & mask) >>> 0;
        } while (value > max);
        return shift(value);
      };
    }
    if (rng === 2n ** 64n - 1n) return () => Number(off + mt.nextUint64());
    const mask = (1n << BigInt(rng.toString(2).length)) - 1n;
    return () => {
      let value: bigint;
      do {
        value = mt.nextUint64() & mask;
      } while (value > rng);
      return Number(off + value);
    };
  }

  /** numpy's legacy loop for `choice(replace=False, p=...)`: redraw until `count` distinct. */
  private choiceWithoutReplacement(probabilities: Float64Array, count: number): Float64Array {
    const positive = probabilities.reduce((n, v) => (v > 0 ? n + 1 : n), 0);
    if (positive < count) throw new ValueError("Fewer non-zero entries in p than size");
    const p = probabilities.slice();
    const found = new Float64Array(count);
    let unique = 0;
    while (unique < count) {
      const draws = toFlat(this.random_sample(count - unique));
      for (let k = 0; k < unique; k++) p[found[k] ?? 0] = 0;
      const cdf = normalisedCdf(p);
      // np.unique(return_index=True) then sorting the indices keeps first occurrences in draw order.
      const seen = new Set<number>();
      for (const u of draws) {
        const index = searchSortedRight(cdf, u);
        if (seen.has(index)) continue;
        seen.add(index);
        found[unique++] = index;
      }
    }
    return found;
  }

  /**
   * `low + range * next_double()` per element. With (0, 1) this is exactly numpy's
   * random_sample, since 0 + 1 * u === u for every u in [0, 1).
   */
  private uniforms(shape: number[] | null, low: number, range: number): number | NDArray {
    const mt = this.mt;
    if (shape === null) return low + range * mt.nextDouble();
    const data = new Float64Array(shapeSize(shape));
    for (let i = 0; i < data.length; i++) data[i] = low + range * mt.nextDouble();
    return new NDArray(data, shape);
  }

  /** `loc + scale * gauss` per element; the standard case skips the arithmetic, like numpy's randn. */
  private gaussians(shape: number[] | null, loc: number, scale: number): number | NDArray {
    const standard = Object.is(loc, 0) && scale === 1;
    if (shape === null) return standard ? this.nextGauss() : loc + scale * this.nextGauss();
    const data = new Float64Array(shapeSize(shape));
    if (standard) {
      for (let i = 0; i < data.length; i++) data[i] = this.nextGauss();
    } else {
      for (let i = 0; i < data.length; i++) data[i] = loc + scale * this.nextGauss();
    }
    return new NDArray(data, shape);
  }

  /** One `draw()` per element of `shape`, or a single number when there is no shape. */
  private fill(shape: number[] | null, draw: () => number): number | NDArray {
    if (shape === null) return draw();
    const data = new Float64Array(shapeSize(shape));
    for (let i = 0; i < data.length; i++) data[i] = draw();
    return new NDArray(data, shape);
  }
}

function toSeedWord(value: number | boolean): number {
  if (typeof value === "boolean") return value ? 1 : 0;
  if (!Number.isInteger(value)) {
    throw new TypeError("Cannot cast scalar from dtype('float64') to dtype('int64') according to the rule 'safe'");
  }
  if (value < 0 || value > UINT32_MAX) throw new ValueError("Seed must be between 0 and 2**32 - 1");
  return value;
}

function toSeedWords(values: readonly unknown[]): number[] {
  if (values.length === 0) throw new ValueError("Seed must be non-empty");
  if (values.some((v) => Array.isArray(v))) throw new ValueError("Seed array must be 1-d");
  const words = values.map((v) => (typeof v === "number" && Number.isInteger(v) ? v : Number.NaN));
  if (words.some(Number.isNaN)) {
    throw new TypeError("Cannot cast array data from dtype('float64') to dtype('int64') according to the rule 'safe'");
  }
  if (words.some((v) => v < 0 || v > UINT32_MAX)) throw new ValueError("Seed must be between 0 and 2**32 - 1");
  return words;
}

/** Fresh seed material when `seed()` is called without a seed, as numpy does from the OS. */
function entropyWords(): number[] {
  const words = new Uint32Array(624);
  const crypto = (globalThis as { crypto?: { getRandomValues?: (a: Uint32Array) => Uint32Array } }).crypto;
  if (crypto?.getRandomValues) {
    crypto.getRandomValues(words);
  } else {
    // A bare V8 isolate has no crypto; Math.random is enough for an unseeded stream.
    for (let i = 0; i < words.length; i++) words[i] = Math.floor(Math.random() * 2 ** 32);
  }
  return Array.from(words);
}

/** Python's `int(x)` for a randint bound: floats truncate toward zero. */
function toPythonInt(value: number): bigint {
  if (Number.isNaN(value)) throw new ValueError("cannot convert float NaN to integer");
  if (!Number.isFinite(value)) throw new OverflowError("cannot convert float infinity to integer");
  return BigInt(Math.trunc(value));
}

/** numpy's bound checks on the closed interval [low, high], in numpy's order. */
function checkIntegerBounds(bounds: IntegerBounds, lows: readonly bigint[], highs: readonly bigint[]): void {
  if (lows.some((low) => low < bounds.min)) throw new ValueError(`low is out of bounds for ${bounds.name}`);
  if (highs.some((high) => high > bounds.max)) throw new ValueError(`high is out of bounds for ${bounds.name}`);
  if (lows.some((low, i) => low > (highs[i] ?? low))) {
    // numpy's wording special-cases the one-argument form randint(high) with high <= 0.
    throw new ValueError(lows.every((low) => low === 0n) ? "high <= 0" : "low >= high");
  }
}

interface IntegerBounds {
  name: string;
  min: bigint;
  max: bigint;
}

function dtypeBounds(dtype: unknown): IntegerBounds {
  if (dtype === undefined || dtype === null || dtype === "int" || dtype === "int64") {
    return { name: "int64", min: INT64_MIN, max: INT64_MAX };
  }
  if (dtype === "int32") return { name: "int32", min: INT32_MIN, max: INT32_MAX };
  throw new TypeError(`Unsupported dtype ${JSON.stringify(dtype) ?? typeof dtype} for randint (np.random supports int, int64 and int32)`);
}

/** The smallest all-ones bit mask >= max, for max < 2**32. */
function mask32(max: number): number {
  let mask = max;
  mask |= mask >>> 1;
  mask |= mask >>> 2;
  mask |= mask >>> 4;
  mask |= mask >>> 8;
  mask |= mask >>> 16;
  return mask >>> 0;
}

function toFlat(value: number | NDArray): Float64Array {
  return typeof value === "number" ? Float64Array.of(value) : value.data;
}

/** numpy's checks on `p`, in numpy's order, with its Kahan-summed total. */
function checkProbabilities(pArg: unknown, popSize: number): Float64Array {
  const p = toNDArray(pArg);
  if (p.shape.length !== 1) throw new ValueError("'p' must be 1-dimensional");
  if (p.data.length !== popSize) throw new ValueError("'a' and 'p' must have same size");
  const total = kahanSum(p.data);
  if (Number.isNaN(total)) throw new ValueError("probabilities contain NaN");
  if (p.data.some((v) => v < 0)) throw new ValueError("probabilities are not non-negative");
  if (Math.abs(total - 1) > CHOICE_P_ATOL) throw new ValueError("probabilities do not sum to 1");
  return p.data;
}

function kahanSum(values: Float64Array): number {
  let sum = values[0] ?? 0;
  let c = 0;
  for (let i = 1; i < values.length; i++) {
    const y = (values[i] ?? 0) - c;
    const t = sum + y;
    c = t - sum - y;
    sum = t;
  }
  return sum;
}

/** `cdf = p.cumsum(); cdf /= cdf[-1]` (numpy's cumsum adds left to right). */
function normalisedCdf(p: Float64Array): Float64Array {
  const cdf = new Float64Array(p.length);
  let running = 0;
  for (let i = 0; i < p.length; i++) {
    running += p[i] ?? 0;
    cdf[i] = running;
  }
  const last = cdf[cdf.length - 1] ?? 1;
  return cdf.map((v) => v / last);
}

/** `searchsorted(cdf, u, side='right')`: the number of entries <= u. */
function searchSortedRight(cdf: Float64Array, u: number): number {
  let lo = 0;
  let hi = cdf.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((cdf[mid] ?? Number.NaN) <= u) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
