// The emulated fused multiply-add against exact BigInt arithmetic rounded to nearest even.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fma } from "./fma";

/** A finite double as sign * mantissa * 2**exponent, exactly. */
function decompose(x: number): { mantissa: bigint; exponent: number } {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const biased = Number((bits >> 52n) & 0x7ffn);
  const fraction = bits & ((1n << 52n) - 1n);
  const mantissa = biased === 0 ? fraction : fraction | (1n << 52n);
  const signed = bits >> 63n === 1n ? -mantissa : mantissa;
  return { mantissa: signed, exponent: (biased === 0 ? 1 : biased) - 1075 };
}

/** round(a * b + c) computed exactly, for results far from overflow and underflow. */
function exactFma(a: number, b: number, c: number): number {
  const da = decompose(a);
  const db = decompose(b);
  const dc = decompose(c);
  const productExponent = da.exponent + db.exponent;
  const exponent = Math.min(productExponent, dc.exponent);
  const total =
    ((da.mantissa * db.mantissa) << BigInt(productExponent - exponent)) + (dc.mantissa << BigInt(dc.exponent - exponent));
  if (total === 0n) return 0;
  const negative = total < 0n;
  let magnitude = negative ? -total : total;
  let scale = exponent;
  const excess = magnitude.toString(2).length - 53;
  if (excess > 0) {
    const kept = magnitude >> BigInt(excess);
    const dropped = magnitude - (kept << BigInt(excess));
    const half = 1n << BigInt(excess - 1);
    magnitude = dropped > half || (dropped === half && (kept & 1n) === 1n) ? kept + 1n : kept;
    scale += excess;
  }
  const value = Number(magnitude) * 2 ** scale;
  return negative ? -value : value;
}

// Magnitudes where neither the product nor its error underflows or overflows.
const moderate = fc.double({ min: -1e12, max: 1e12, noNaN: true }).filter((x) => x === 0 || Math.abs(x) > 1e-12);

describe("fma", () => {
  it("rounds a * b + c once, like exact arithmetic", () => {
    fc.assert(
      fc.property(moderate, moderate, moderate, (a, b, c) => {
        expect(fma(a, b, c)).toBe(exactFma(a, b, c));
      }),
      { numRuns: 20_000 },
    );
  });

  it("recovers the rounding error of a product (c = -round(a * b))", () => {
    fc.assert(
      fc.property(moderate, moderate, (a, b) => {
        expect(fma(a, b, -(a * b))).toBe(exactFma(a, b, -(a * b)));
      }),
      { numRuns: 20_000 },
    );
  });

  it("breaks exact ties to even where a * b + c would round twice", () => {
    // (1 + 2**-52)**2 = 1 + 2**-51 + 2**-104: a separate multiply loses the 2**-104.
    const a = 1 + 2 ** -52;
    expect(fma(a, a, -1)).toBe(2 ** -51 + 2 ** -104);
    expect(a * a - 1).toBe(2 ** -51);
    // a * a + c = 1 + 2**-53 + 2**-104, just above the tie between 1 and 1 + 2**-52:
    // fused it rounds up; unfused, a * a drops the 2**-104 and the exact tie goes to even.
    const c = 2 ** -53 - 2 ** -51;
    expect(fma(a, a, c)).toBe(1 + 2 ** -52);
    expect(a * a + c).toBe(1);
    expect(fma(1 + 2 ** -30, 1 - 2 ** -30, -1)).toBe(-(2 ** -60));
  });

  it("checks the dangerous near-tie family against exact arithmetic", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 26 }), fc.integer({ min: 1, max: 2 ** 26 }), fc.integer({ min: -60, max: 60 }), (i, j, shift) => {
        const a = 1 + i * 2 ** -52;
        const b = 1 + j * 2 ** -52;
        const c = 2 ** shift * (1 + 2 ** -52);
        expect(fma(a, b, c)).toBe(exactFma(a, b, c));
        expect(fma(a, b, -c)).toBe(exactFma(a, b, -c));
      }),
      { numRuns: 20_000 },
    );
  });
});
