// Our arithmetic tanh against correctly rounded values (mpmath, written by
// scripts/golden/np_fixtures.py into fixtures/tanh-truth.json) and at its edges.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { tanh } from "./tanh";

const truth = z
  .object({ generator: z.string(), points: z.array(z.tuple([z.number(), z.number()])) })
  .parse(JSON.parse(readFileSync(new URL("../fixtures/tanh-truth.json", import.meta.url), "utf8")));

/** The spacing of doubles at |v| (normal range). */
function ulp(v: number): number {
  return 2 ** (Math.max(Math.floor(Math.log2(Math.abs(v))), -1022) - 52);
}

describe("tanh", () => {
  it("is within one ulp of the correctly rounded value everywhere (V8's Math.tanh is within two)", () => {
    expect(truth.points.length).toBeGreaterThan(6000);
    const worst = truth.points.reduce((w, [x, t]) => Math.max(w, Math.abs(tanh(x) - t) / ulp(t)), 0);
    expect(worst).toBeLessThanOrEqual(1);
  });

  it("is odd, keeps the sign of zero and saturates like numpy", () => {
    expect(Object.is(tanh(0), 0)).toBe(true);
    expect(Object.is(tanh(-0), -0)).toBe(true);
    expect(tanh(5e-324)).toBe(5e-324);
    expect(tanh(22)).toBe(1);
    expect(tanh(-1000)).toBe(-1);
    expect(tanh(Infinity)).toBe(1);
    expect(tanh(-Infinity)).toBe(-1);
    expect(tanh(NaN)).toBeNaN();
    for (const x of [0.1, 0.55, 0.7, 3, 19.5]) expect(tanh(-x)).toBe(-tanh(x));
  });
});
