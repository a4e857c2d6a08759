// The course's planar "flower" data set (load_planar_dataset in the planar classification
// notebook): two classes of 200 points each, petals of a rose curve r = 4 sin(4t) with noise,
// which no straight line separates and one hidden layer does. Reproduces numpy's values from
// the same seed; planar.test.ts compares with numpy's output (fixtures/planar.json).
import * as np from "../np/index";
import type { NDArray } from "../np/index";

/** Options of loadPlanarDataset; the defaults are the course's. */
export interface PlanarOptions {
  /** Seed of the noise (the course seeds 1). */
  seed?: number;
  /** Number of points, half of each class (the course uses 400). */
  m?: number;
}

/**
 * The angles t and radii r of the points, one row per class (2, m/2): every random number of
 * the data set is in them. Same draws in the same order as the course (per class: the angle
 * noise, then the radius noise), from a private RandomState so the learner's global np.random
 * is left alone: numpy's `np.random.seed(1)` followed by the same calls draws the same numbers.
 */
export function planarAnglesAndRadii(options: PlanarOptions = {}): { t: NDArray; r: NDArray } {
  const { seed = 1, m = 400 } = options;
  if (!Number.isInteger(m) || m <= 0 || m % 2 !== 0) throw new RangeError(`m must be a positive even integer, got ${m}`);
  const rng = new np.random.RandomState(seed);
  const N = m / 2;
  const a = 4;
  const ts: NDArray[] = [];
  const rs: NDArray[] = [];
  for (const j of [0, 1]) {
    const t = np.add(np.linspace(j * 3.12, (j + 1) * 3.12, N), np.multiply(rng.randn(N), 0.2));
    const r = np.add(np.multiply(a, np.sin(np.multiply(4, t))), np.multiply(rng.randn(N), 0.2));
    ts.push(t);
    rs.push(r);
  }
  return { t: np.vstack(ts), r: np.vstack(rs) };
}

/**
 * X (2, m): the points (r sin t, r cos t) as columns; Y (1, m): the labels, 0 for the first
 * m/2 points and 1 for the rest.
 */
export function loadPlanarDataset(options: PlanarOptions = {}): { X: NDArray; Y: NDArray } {
  const { t, r } = planarAnglesAndRadii(options);
  const N = t.shape[1] ?? 0;
  // The course fills X (m, 2) row by row with c_[r sin t, r cos t] and returns X.T; laying
  // the classes end to end in each coordinate row gives that (2, m) directly.
  const X = np.vstack([np.multiply(r, np.sin(t)).reshape(1, 2 * N), np.multiply(r, np.cos(t)).reshape(1, 2 * N)]);
  const Y = np.concatenate([np.zeros([1, N]), np.ones([1, N])], { axis: 1 });
  return { X, Y };
}
