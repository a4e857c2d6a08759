// Fused multiply-add, `round(a * b + c)` with a single rounding, in plain doubles.
// JavaScript has no Math.fma, and glibc's log (which numpy's gaussians call) is built
// from fused operations on x86-64 with FMA; replaying it needs the exact same roundings.
// Method: Boldo & Melquiond, "Emulation of FMA and correctly rounded sums: proved
// algorithms using rounding to odd" (IEEE Trans. Computers, 2008): an exact product and
// an exact sum, the two small parts added with rounding to odd, then one final rounding.
// Valid when nothing overflows or underflows, which holds for log's arguments here;
// fma.test.ts checks it against exact BigInt arithmetic.

// Veltkamp's splitter for binary64: 2**27 + 1 cuts a double into two 26-bit halves.
const SPLITTER = 134217729;

// One scratch double viewed as two 32-bit words, to read and step the last bit.
const scratch = new Float64Array(1);
const words = new Uint32Array(scratch.buffer);
const LOW = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1 ? 0 : 1;
const HIGH = 1 - LOW;

export function fma(a: number, b: number, c: number): number {
  // Dekker's exact product: a * b === product + productError.
  const product = a * b;
  let t = SPLITTER * a;
  const aHigh = t - (t - a);
  const aLow = a - aHigh;
  t = SPLITTER * b;
  const bHigh = t - (t - b);
  const bLow = b - bHigh;
  const productError = aHigh * bHigh - product + aHigh * bLow + aLow * bHigh + aLow * bLow;
  // Knuth's exact sum: c + product === sum + sumError.
  const sum = c + product;
  const virtualProduct = sum - c;
  const sumError = c - (sum - virtualProduct) + (product - virtualProduct);
  return sum + addRoundToOdd(sumError, productError);
}

/** x + y rounded to odd: exact if representable, else the neighbour with an odd last bit. */
function addRoundToOdd(x: number, y: number): number {
  const s = x + y;
  const virtualY = s - x;
  const error = x - (s - virtualY) + (y - virtualY);
  if (error === 0) return s;
  scratch[0] = s;
  const low = words[LOW] ?? 0;
  if ((low & 1) === 1) return s;
  // s is even and inexact: the odd neighbour lies on the side of the error.
  if (s > 0 === error > 0) {
    words[LOW] = low + 1;
  } else if (low === 0) {
    words[LOW] = 0xffffffff;
    words[HIGH] = (words[HIGH] ?? 0) - 1;
  } else {
    words[LOW] = low - 1;
  }
  return scratch[0] ?? s;
}
