// The Mersenne Twister MT19937 exactly as numpy's legacy RandomState drives it:
// same seeding (an integer seed uses the linear `init_genrand` recurrence, an array
// seed uses `init_by_array`), same tempering, same 53-bit doubles, same 64-bit words.
// Edit this only to follow numpy (numpy/random/src/mt19937/mt19937.c); every value
// it produces is compared bit for bit against numpy in mt19937.test.ts.

const N = 624;
const M = 397;
const MATRIX_A = 0x9908b0df;
const UPPER_MASK = 0x80000000;
const LOWER_MASK = 0x7fffffff;

export class MT19937 {
  private readonly key = new Uint32Array(N);
  private pos = N;

  constructor(seed = 5489) {
    this.seed(seed);
  }

  /** numpy's `mt19937_seed`: the caller has checked that 0 <= seed < 2**32. */
  seed(seed: number): void {
    const key = this.key;
    let s = seed >>> 0;
    for (let i = 0; i < N; i++) {
      key[i] = s;
      const x = s ^ (s >>> 30);
      // Math.imul keeps the product modulo 2**32, as the C code does with uint32_t.
      s = (Math.imul(1812433253, x) + i + 1) >>> 0;
    }
    this.pos = N;
  }

  /** numpy's `mt19937_init_by_array`, used when the seed is a 1-d array of words. */
  seedByArray(initKey: readonly number[]): void {
    const mt = this.key;
    const keyLength = initKey.length;
    this.seed(19650218);
    let i = 1;
    let j = 0;
    for (let k = Math.max(N, keyLength); k > 0; k--) {
      const prev = at(mt, i - 1);
      const mixed = Math.imul((prev ^ (prev >>> 30)) >>> 0, 1664525);
      mt[i] = ((at(mt, i) ^ mixed) >>> 0) + ((initKey[j] ?? 0) >>> 0) + j;
      i++;
      j++;
      if (i >= N) {
        mt[0] = at(mt, N - 1);
        i = 1;
      }
      if (j >= keyLength) j = 0;
    }
    for (let k = N - 1; k > 0; k--) {
      const prev = at(mt, i - 1);
      const mixed = Math.imul((prev ^ (prev >>> 30)) >>> 0, 1566083941);
      mt[i] = ((at(mt, i) ^ mixed) >>> 0) - i;
      i++;
      if (i >= N) {
        mt[0] = at(mt, N - 1);
        i = 1;
      }
    }
    // Assures a non-zero initial state whatever the key was.
    mt[0] = 0x80000000;
    this.pos = N;
  }

  /** The next tempered 32-bit word, as an unsigned number in [0, 2**32). */
  nextUint32(): number {
    if (this.pos === N) this.regenerate();
    let y = at(this.key, this.pos++);
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  }

  /** numpy's 64-bit word: the first 32-bit draw is the high half. */
  nextUint64(): bigint {
    const high = this.nextUint32();
    const low = this.nextUint32();
    return (BigInt(high) << 32n) | BigInt(low);
  }

  /** numpy's `mt19937_next_double`: 53 random bits from two draws, in [0, 1). */
  nextDouble(): number {
    const a = this.nextUint32() >>> 5;
    const b = this.nextUint32() >>> 6;
    return (a * 67108864 + b) / 9007199254740992;
  }

  /** The raw state, as numpy's `get_state()` reports it. */
  snapshot(): { key: Uint32Array; pos: number } {
    return { key: this.key.slice(), pos: this.pos };
  }

  /** Puts back a state from `snapshot()` (or numpy's `get_state()`); the caller validated it. */
  restore(key: ArrayLike<number>, pos: number): void {
    this.key.set(key);
    this.pos = pos;
  }

  private regenerate(): void {
    const key = this.key;
    let i = 0;
    for (; i < N - M; i++) {
      const y = (at(key, i) & UPPER_MASK) | (at(key, i + 1) & LOWER_MASK);
      key[i] = at(key, i + M) ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
    }
    for (; i < N - 1; i++) {
      const y = (at(key, i) & UPPER_MASK) | (at(key, i + 1) & LOWER_MASK);
      key[i] = at(key, i + M - N) ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
    }
    const y = (at(key, N - 1) & UPPER_MASK) | (at(key, 0) & LOWER_MASK);
    key[N - 1] = at(key, M - 1) ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
    this.pos = 0;
  }
}

// Indices here are always in range by construction; this keeps
// noUncheckedIndexedAccess honest without a branch the JIT cannot remove.
function at(words: Uint32Array, index: number): number {
  return words[index] as number;
}
