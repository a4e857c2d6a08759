// MT19937 against numpy: the raw 32-bit words for integer and array seeds.
import { describe, expect, it } from "vitest";
import { loadFixture } from "./fixtures/load-fixture";
import { MT19937 } from "./mt19937";

describe("MT19937", () => {
  for (const scenario of loadFixture("mt19937")) {
    it(`draws numpy's words: ${scenario.name}`, () => {
      const mt = new MT19937();
      if (typeof scenario.seed === "number") mt.seed(scenario.seed);
      else mt.seedByArray(scenario.seed);
      for (const step of scenario.steps) {
        expect(step.op).toBe("uint32");
        const expected = step.out;
        if (expected === null || typeof expected === "number") throw new Error("uint32 steps record arrays");
        const actual = Array.from({ length: expected.data.length }, () => mt.nextUint32());
        expect(actual).toEqual(expected.data);
      }
    });
  }

  it("seeds 0 like numpy's get_state(): key[0..2] and position", () => {
    // From np.random.RandomState(0).get_state(): [0, 1, 1812433255, ...], pos 624.
    const state = new MT19937(0).snapshot();
    expect(Array.from(state.key.subarray(0, 3))).toEqual([0, 1, 1812433255]);
    expect(state.pos).toBe(624);
  });

  it("builds 53-bit doubles from two words and 64-bit words high half first", () => {
    const words = new MT19937(0);
    const a = words.nextUint32();
    const b = words.nextUint32();
    expect(new MT19937(0).nextDouble()).toBe(((a >>> 5) * 67108864 + (b >>> 6)) / 9007199254740992);
    expect(new MT19937(0).nextUint64()).toBe((BigInt(a) << 32n) | BigInt(b));
  });
});
