// `np.random`: numpy's legacy global random functions (np.random.seed, rand, randn, ...),
// all drawing from one module-level RandomState exactly as numpy's do, so learner code
// copied from a numpy notebook draws the same numbers. Keyword arguments go in a
// trailing object: `np.random.randint(0, 10, { size: [2, 3] })`.
// Add a function here when it exists on RandomState (random-state.ts) and in numpy.
// The sandbox loads a fresh copy of np per isolate, so this global state never leaks
// between submissions and needs no reset hook.
import { RandomState } from "./random-state";

export { OverflowError, RandomState } from "./random-state";
export type {
  ChoiceOptions,
  LegacyState,
  NormalOptions,
  Population,
  RandintOptions,
  Seed,
  SeedOptions,
  SizeOptions,
  UniformOptions,
  WithSize,
} from "./random-state";
export type { Size } from "./arguments";

// numpy seeds its global generator from the operating system at import; so do we.
const globalState = new RandomState();

/** Seeds the global generator: an integer in [0, 2**32), a list of them, or nothing for fresh entropy. */
export const seed: RandomState["seed"] = globalState.seed.bind(globalState);

/** The global generator's state, numpy's legacy tuple ("MT19937", key, pos, has_gauss, cached_gaussian). */
export const get_state: RandomState["get_state"] = globalState.get_state.bind(globalState);

/** Restores the global generator from a `get_state()` tuple. */
export const set_state: RandomState["set_state"] = globalState.set_state.bind(globalState);

/** Uniform floats in [0, 1) of shape (d0, d1, ...): `rand(2, 3)`; `rand()` is a number. */
export const rand: RandomState["rand"] = globalState.rand.bind(globalState);

/**
 * Standard normal floats of shape (d0, d1, ...): `randn(2, 3)`; `randn()` is a number.
 * Like numpy, `randn([2, 2])` is an error (the dimensions are separate integers).
 */
export const randn: RandomState["randn"] = globalState.randn.bind(globalState);

/** Uniform floats in [0, 1); `size` is a length or a shape, none gives a number. */
export const random: RandomState["random"] = globalState.random.bind(globalState);

/** Uniform floats in [0, 1) (same as `random`). */
export const random_sample: RandomState["random_sample"] = globalState.random_sample.bind(globalState);

/** Standard normal floats; `size` is a length or a shape, none gives a number. */
export const standard_normal: RandomState["standard_normal"] = globalState.standard_normal.bind(globalState);

/** Integers in [low, high), or in [0, low) when high is omitted: `randint(0, 10, { size: 5 })`. */
export const randint: RandomState["randint"] = globalState.randint.bind(globalState);

/** Normal floats with mean `loc` (0) and standard deviation `scale` (1): `normal(0, 1, [2, 3])`. */
export const normal: RandomState["normal"] = globalState.normal.bind(globalState);

/** Uniform floats in [low, high), default [0, 1): `uniform(-1, 1, { size: 5 })`. */
export const uniform: RandomState["uniform"] = globalState.uniform.bind(globalState);

/** Shuffles an array in place along its first axis (the rows of a matrix); returns nothing. */
export const shuffle: RandomState["shuffle"] = globalState.shuffle.bind(globalState);

/** A shuffled `arange(n)`, or a shuffled copy of an array along its first axis. */
export const permutation: RandomState["permutation"] = globalState.permutation.bind(globalState);

/** Random samples from `arange(a)` or from a 1-d array: `choice(5, { size: 3, replace: false, p })`. */
export const choice: RandomState["choice"] = globalState.choice.bind(globalState);
