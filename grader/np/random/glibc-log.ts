// The natural log exactly as numpy's legacy gaussians get it. numpy's polar Box–Muller
// calls the C library's log(); V8's Math.log (fdlibm) differs from glibc's by one ulp
// on about one input in thirty, which would make every few dozenth `randn` value miss
// numpy's by an ulp. So this replays glibc's log (glibc >= 2.28, the algorithm of ARM
// optimized-routines) operation for operation as x86-64 glibc runs it on CPUs with FMA
// (`__ieee754_log_fma`, the variant the golden fixtures were made with): the fused
// operations below are the ones in that function's machine code, in the same order.
// Checked bit for bit against the C library in glibc-log.test.ts.
// Edit only together with scripts/golden/random_fixtures.py, which extracts the table.
import { fma } from "./fma";
import { INV_C, LN2_HI, LN2_LO, LOG_C, POLY, POLY_NEAR_ONE } from "./glibc-log-data";

const [A0, A1, A2, A3, A4] = POLY;
const [B0, B1, B2, B3, B4, B5, B6, B7, B8, B9, B10] = POLY_NEAR_ONE;

const scratch = new Float64Array(1);
const words = new Uint32Array(scratch.buffer);
const LOW = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1 ? 0 : 1;
const HIGH = 1 - LOW;

// High words of 1 - 2**-4 and 1 + 0x1.09p-4 (their low words are zero): between them
// glibc evaluates a longer polynomial in x - 1 instead of using the table.
const NEAR_ONE_LO = 0x3fee0000;
const NEAR_ONE_HI = 0x3ff10900;
// High word of OFF = 0x3fe6000000000000: the table covers [OFF, 2 * OFF).
const OFF_HIGH = 0x3fe60000;

export function glibcLog(x: number): number {
  scratch[0] = x;
  let high = words[HIGH] ?? 0;
  const low = words[LOW] ?? 0;
  if (high >= NEAR_ONE_LO && high < NEAR_ONE_HI) return logNearOne(x);
  const top = high >>> 16;
  if (top - 0x0010 >= 0x7ff0 - 0x0010 || top < 0x0010) {
    // Zero, subnormal, negative, infinite or NaN.
    if (x === 0) return -Infinity;
    if (!(x > 0)) return Number.NaN;
    if (x === Infinity) return Infinity;
    // A subnormal: scale it into the normal range and take 52 off the exponent.
    scratch[0] = x * 4503599627370496;
    high = ((words[HIGH] ?? 0) - (52 << 20)) >>> 0;
    return logTable(high, words[LOW] ?? 0);
  }
  return logTable(high, low);
}

/** log(x) = k ln2 + log(c) + log1p(z/c - 1), x = 2**k z, with c from the table. */
function logTable(high: number, low: number): number {
  const tmp = (high - OFF_HIGH) | 0;
  const i = (tmp >>> 13) & 0x7f;
  const k = tmp >> 20;
  scratch[0] = 0;
  words[HIGH] = (high - (tmp & 0xfff00000)) >>> 0;
  words[LOW] = low;
  const z = scratch[0] ?? Number.NaN;
  const invc = INV_C[i] ?? Number.NaN;
  const logc = LOG_C[i] ?? Number.NaN;

  // Where glibc fuses a product that is exact (k * LN2_HI: LN2_HI ends in 11 zero bits
  // and |k| < 2**11), the fused and the plain forms round identically, so the cheaper
  // plain form is used; every other fused operation is emulated.
  const w = k * LN2_HI + logc;
  const r = fma(z, invc, -1);
  const p12 = fma(r, A2, A1);
  const hi = r + w;
  const r2 = r * r;
  const lo = fma(k, LN2_LO, w - hi + r);
  const r3 = r * r2;
  const p34 = fma(r, A4, A3);
  const loWithQuadratic = fma(r2, A0, lo);
  const poly = fma(p34, r2, p12);
  return fma(r3, poly, loWithQuadratic) + hi;
}

/** log(x) for x near 1: a degree-11 polynomial in r = x - 1, r's square split exactly. */
function logNearOne(x: number): number {
  if (x === 1) return 0;
  const r = x - 1;
  const p12 = fma(r, B2, B1);
  const p45 = fma(r, B5, B4);
  const r2 = r * r;
  const p78 = fma(r, B8, B7);
  const p123 = fma(r2, B3, p12);
  const p456 = fma(r2, B6, p45);
  const r3 = r * r2;
  let q = fma(r2, B9, p78);
  q = fma(r3, B10, q);
  q = fma(q, r3, p456);
  q = fma(q, r3, p123);
  // rhi: r rounded to 26 bits. glibc fuses r * 2**27 and rhi2 * B0 (B0 = -0.5), but
  // both products are exact, so plain operations round the same.
  const rPlusW = r * 134217728 + r;
  const rhi = rPlusW - 134217728 * r;
  const rhi2 = rhi * rhi;
  const rlo = r - rhi;
  const hi = rhi2 * B0 + r;
  const rMinusHi = r - hi;
  const rPlusRhi = r + rhi;
  let lo = rhi2 * B0 + rMinusHi;
  lo = fma(B0 * rlo, rPlusRhi, lo);
  return hi + fma(q, r3, lo);
}
