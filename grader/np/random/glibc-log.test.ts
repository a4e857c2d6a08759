// glibcLog against the C library's log() on the machine that made the fixtures
// (scripts/golden/random_fixtures.py): the inputs numpy's polar method feeds it, the
// near-1 path, the whole exponent range and subnormals, bit for bit.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { glibcLog } from "./glibc-log";
import { LN2_HI, POLY_NEAR_ONE } from "./glibc-log-data";

const fixture = z
  .object({ generator: z.string(), numpy: z.string(), inputs: z.array(z.number()), log: z.array(z.number()) })
  .refine((f) => f.inputs.length === f.log.length, "one log per input")
  .parse(JSON.parse(readFileSync(new URL("./fixtures/glibc-log.json", import.meta.url), "utf8")));

describe("glibcLog", () => {
  it(`equals glibc's log on all ${fixture.inputs.length} fixture inputs`, () => {
    const differing = fixture.inputs.filter((x, i) => !Object.is(glibcLog(x), fixture.log[i]));
    expect(differing).toEqual([]);
  });

  it("is needed: Math.log differs from glibc on some of those inputs", () => {
    // If V8 ever matches glibc everywhere this fails, and glibc-log.ts could go.
    const differing = fixture.inputs.filter((x, i) => !Object.is(Math.log(x), fixture.log[i]));
    expect(differing.length).toBeGreaterThan(0);
  });

  it("has the table the unfused shortcuts rely on (exact k * LN2_HI and rhi2 * B0)", () => {
    expect(POLY_NEAR_ONE[0]).toBe(-0.5);
    // LN2_HI * 2**42 is an integer: at most 42 significant bits, so k * LN2_HI is exact for |k| < 2**11.
    expect(Number.isInteger(LN2_HI * 2 ** 42)).toBe(true);
  });

  it("handles the edges like C: zero, negatives, infinity, NaN, one", () => {
    expect(glibcLog(0)).toBe(-Infinity);
    expect(glibcLog(-0)).toBe(-Infinity);
    expect(glibcLog(-1)).toBeNaN();
    expect(glibcLog(Number.NaN)).toBeNaN();
    expect(glibcLog(Infinity)).toBe(Infinity);
    expect(Object.is(glibcLog(1), 0)).toBe(true);
  });
});
