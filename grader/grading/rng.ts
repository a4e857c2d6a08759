// The seeded random stream behind the input generators. Each (submission seed, test name,
// repetition) gets its own independent stream, so adding a test never changes another test's
// inputs and the same seed always reproduces the same verdict. This is the grader's own stream,
// not np.random: learners' np.random state is never touched by input generation.

/** FNV-1a over UTF-16 code units: a stable 32-bit hash of a stream label. */
function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export class InputStream {
  private state: number;
  private spareNormal: number | null = null;

  constructor(label: string) {
    this.state = hash32(label) || 0x9e3779b9;
  }

  static forTest(seed: number, testName: string, repetition: number): InputStream {
    return new InputStream(`${seed}|${testName}|${repetition}`);
  }

  /** mulberry32: small, fast and well distributed enough for test inputs. */
  nextUint32(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }

  /** Uniform in [0, 1) with 53 random bits. */
  random(): number {
    const high = this.nextUint32() >>> 5;
    const low = this.nextUint32() >>> 6;
    return (high * 67108864 + low) / 9007199254740992;
  }

  /** Standard normal (Marsaglia's polar method). */
  normal(): number {
    if (this.spareNormal !== null) {
      const spare = this.spareNormal;
      this.spareNormal = null;
      return spare;
    }
    for (;;) {
      const u = 2 * this.random() - 1;
      const v = 2 * this.random() - 1;
      const s = u * u + v * v;
      if (s > 0 && s < 1) {
        const factor = Math.sqrt((-2 * Math.log(s)) / s);
        this.spareNormal = v * factor;
        return u * factor;
      }
    }
  }

  /** Integer in [low, high). */
  integer(low: number, high: number): number {
    return low + Math.floor(this.random() * (high - low));
  }

  /** A seed for np.random or the planar data set, in numpy's accepted range. */
  seed(): number {
    return this.nextUint32() % 2 ** 31;
  }
}
