// Property tests (fast-check) for the invariants broadcasting, reductions and the
// shape functions must keep for every shape, not just the golden cases.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as np from "./index";
import { broadcastShapes } from "./kernels/shape";
import { NDArray } from "./ndarray";

const dims = fc.integer({ min: 1, max: 4 });
const shapeArb = fc.array(dims, { minLength: 0, maxLength: 4 });
const value = fc.double({ min: -1000, max: 1000, noNaN: true, noDefaultInfinity: true });

function arrayOf(shape: readonly number[]): fc.Arbitrary<NDArray> {
  const size = shape.reduce((a, b) => a * b, 1);
  return fc.array(value, { minLength: size, maxLength: size }).map((v) => new NDArray(Float64Array.from(v), shape));
}
const ndarray = shapeArb.chain(arrayOf);
const matrixLike = fc.array(dims, { minLength: 1, maxLength: 4 }).chain(arrayOf);

/** Two shapes that broadcast: each drops some leading dims of a common shape and sets some dims to 1. */
const broadcastablePair = shapeArb.chain((out) => {
  const operand = fc
    .tuple(fc.integer({ min: 0, max: out.length }), fc.array(fc.boolean(), { minLength: out.length, maxLength: out.length }))
    .map(([drop, ones]) => out.slice(drop).map((d, i) => (ones[i + drop] ? 1 : d)));
  return fc.tuple(operand, operand).chain(([a, b]) => fc.tuple(arrayOf(a), arrayOf(b)));
});

const closeTo = (a: number, b: number, scale: number): boolean => Math.abs(a - b) <= 1e-9 * Math.max(1, scale);

describe("broadcasting", () => {
  it("broadcastShapes is commutative, and fails the same way both ways round", () => {
    fc.assert(
      fc.property(shapeArb, shapeArb, (a, b) => {
        let ab: number[] | string;
        let ba: number[] | string;
        try {
          ab = broadcastShapes(a, b);
        } catch {
          ab = "error";
        }
        try {
          ba = broadcastShapes(b, a);
        } catch {
          ba = "error";
        }
        expect(ab).toEqual(ba);
      }),
    );
  });

  it("add and multiply are commutative under broadcasting", () => {
    fc.assert(
      fc.property(broadcastablePair, ([x, y]) => {
        const xy = np.add(x, y);
        const yx = np.add(y, x);
        expect(xy.shape).toEqual(yx.shape);
        expect(Array.from(xy.data)).toEqual(Array.from(yx.data));
        expect(Array.from(np.multiply(x, y).data)).toEqual(Array.from(np.multiply(y, x).data));
      }),
    );
  });

  it("broadcasting against a copy of the output shape changes nothing", () => {
    fc.assert(
      fc.property(broadcastablePair, ([x, y]) => {
        const shape = np.add(x, y).shape;
        const xb = np.broadcast_to(x, shape);
        expect(Array.from(np.subtract(xb, y).data)).toEqual(Array.from(np.subtract(x, y).data));
      }),
    );
  });

  it("x - x is zero and x / 1 is x for every shape", () => {
    fc.assert(
      fc.property(ndarray, (x) => {
        expect(np.subtract(x, x).data.every((v) => v === 0)).toBe(true);
        expect(Array.from(np.divide(x, 1).data)).toEqual(Array.from(x.data));
      }),
    );
  });
});

describe("reductions", () => {
  const withAxis = matrixLike.chain((x) => fc.tuple(fc.constant(x), fc.integer({ min: -x.ndim, max: x.ndim - 1 })));

  it("sum over an axis with keepdims broadcasts back against the input", () => {
    fc.assert(
      fc.property(withAxis, ([x, axis]) => {
        const s = np.sum(x, { axis, keepdims: true });
        expect(s.ndim).toBe(x.ndim);
        const centred = np.subtract(x, np.mean(x, { axis, keepdims: true }));
        expect(centred.shape).toEqual(x.shape);
        const residual = np.sum(centred, { axis });
        const scale = np.sum(np.abs(x));
        for (const v of residual.data) expect(closeTo(v, 0, scale)).toBe(true);
      }),
    );
  });

  it("keepdims changes only the shape, never the values", () => {
    fc.assert(
      fc.property(withAxis, ([x, axis]) => {
        for (const f of [np.sum, np.mean, np.max, np.min, np.prod, np.std, np.var] as const) {
          const kept = f(x, { axis, keepdims: true });
          const dropped = f(x, { axis });
          expect(Array.from(kept.data)).toEqual(Array.from(dropped.data));
          const ax = axis < 0 ? axis + x.ndim : axis;
          expect(dropped.shape).toEqual(x.shape.filter((_, i) => i !== ax));
        }
      }),
    );
  });

  it("the sum of the sums along an axis is the total", () => {
    fc.assert(
      fc.property(withAxis, ([x, axis]) => {
        const total = np.sum(x);
        const partial = np.sum(np.sum(x, { axis }));
        expect(closeTo(partial, total, np.sum(np.abs(x)))).toBe(true);
      }),
    );
  });

  it("mean times count is the sum; var is the mean squared deviation; std its root", () => {
    fc.assert(
      fc.property(ndarray, (x) => {
        const scale = np.sum(np.abs(x));
        expect(closeTo(np.mean(x) * x.size, np.sum(x), scale)).toBe(true);
        const dev = np.subtract(x, np.mean(x));
        expect(closeTo(np.var(x), np.mean(np.multiply(dev, dev)), np.max(np.square(x)))).toBe(true);
        expect(np.std(x)).toBe(Math.sqrt(np.var(x)));
      }),
    );
  });

  it("argmax and argmin point at the max and min, and max bounds every element", () => {
    fc.assert(
      fc.property(ndarray, (x) => {
        expect(x.data[np.argmax(x)]).toBe(np.max(x));
        expect(x.data[np.argmin(x)]).toBe(np.min(x));
        expect(np.sum(np.greater(x, np.max(x)))).toBe(0);
      }),
    );
  });

  it("reducing over every axis listed equals the full reduction", () => {
    fc.assert(
      fc.property(matrixLike, (x) => {
        const all = x.shape.map((_, i) => i);
        expect(closeTo(np.sum(x, { axis: all }).item(), np.sum(x), np.sum(np.abs(x)))).toBe(true);
        expect(np.max(x, { axis: all }).item()).toBe(np.max(x));
      }),
    );
  });
});

describe("shapes and products", () => {
  it("transposing twice is the identity", () => {
    fc.assert(
      fc.property(ndarray, (x) => {
        const back = x.T.T;
        expect(back.shape).toEqual(x.shape);
        expect(Array.from(back.data)).toEqual(Array.from(x.data));
      }),
    );
  });

  it("a transpose with explicit axes followed by its inverse is the identity", () => {
    const permuted = matrixLike.chain((x) =>
      fc.tuple(fc.constant(x), fc.shuffledSubarray(x.shape.map((_, i) => i), { minLength: x.ndim, maxLength: x.ndim })),
    );
    fc.assert(
      fc.property(permuted, ([x, axes]) => {
        const inverse = axes.map((_, i) => axes.indexOf(i));
        const back = np.transpose(np.transpose(x, axes), inverse);
        expect(Array.from(back.data)).toEqual(Array.from(x.data));
      }),
    );
  });

  it("reshape to 1-d and back, and toArray back through array, keep every value", () => {
    fc.assert(
      fc.property(ndarray, (x) => {
        const flat = x.reshape(-1);
        expect(flat.shape).toEqual([x.size]);
        expect(Array.from(flat.reshape(x.shape).data)).toEqual(Array.from(x.data));
        const round = np.array(x.toArray());
        expect(round.shape).toEqual(x.shape);
        expect(Array.from(round.data)).toEqual(Array.from(x.data));
      }),
    );
  });

  it("multiplying by the identity matrix is exact, and dot agrees with matmul on matrices", () => {
    const matrix = fc.tuple(dims, dims).chain(([r, c]) => arrayOf([r, c]));
    fc.assert(
      fc.property(matrix, (x) => {
        const [, c = 0] = x.shape;
        // Sums start from +0, so a -0 entry comes back as +0 (numpy's BLAS does the same): compare with +0 folded in.
        expect(Array.from(np.dot(x, np.eye(c)).data)).toEqual(Array.from(x.data, (v) => v + 0));
        expect(Array.from(np.dot(x, x.T).data)).toEqual(Array.from(np.matmul(x, x.T).data));
      }),
    );
  });

  it("(AB)ᵀ = BᵀAᵀ", () => {
    const pair = fc
      .tuple(dims, dims, dims)
      .chain(([n, k, m]) => fc.tuple(arrayOf([n, k]), arrayOf([k, m])));
    fc.assert(
      fc.property(pair, ([a, b]) => {
        const left = np.dot(a, b).T;
        const right = np.dot(b.T, a.T);
        expect(left.shape).toEqual(right.shape);
        left.data.forEach((v, i) => expect(closeTo(v, right.data[i]!, 1e6)).toBe(true));
      }),
    );
  });

  it("concatenate then split by shape gives the parts back", () => {
    const parts = fc.tuple(dims, dims, dims).chain(([r, c1, c2]) => fc.tuple(arrayOf([r, c1]), arrayOf([r, c2])));
    fc.assert(
      fc.property(parts, ([a, b]) => {
        const joined = np.concatenate([a, b], { axis: 1 });
        const [rows = 0, ca = 0] = a.shape;
        for (let i = 0; i < rows; i++) {
          for (let j = 0; j < joined.shape[1]!; j++) {
            expect(joined.get(i, j)).toBe(j < ca ? a.get(i, j) : b.get(i, j - ca));
          }
        }
      }),
    );
  });
});
