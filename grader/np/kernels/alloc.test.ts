// The slab allocator: results never share elements, start zeroed, and survive a slab being
// transferred away.
import { describe, expect, it } from "vitest";
import { allocFloat64 } from "./alloc";

describe("allocFloat64", () => {
  it("gives zeroed arrays that share no elements, across slab boundaries", () => {
    const arrays = Array.from({ length: 200 }, (_, i) => allocFloat64(1 + ((i * 37) % 4096)));
    arrays.forEach((a, i) => {
      expect(a.every((v) => v === 0)).toBe(true);
      a.fill(i + 1);
    });
    arrays.forEach((a, i) => expect(a.every((v) => v === i + 1)).toBe(true));
  });

  it("gives large and empty results their own buffer", () => {
    const big = allocFloat64(5000);
    expect(big.byteOffset).toBe(0);
    expect(big.buffer.byteLength).toBe(5000 * 8);
    expect(allocFloat64(0).length).toBe(0);
  });

  it("starts a new slab when the current one was transferred away", () => {
    const a = allocFloat64(8);
    structuredClone(a.buffer, { transfer: [a.buffer] });
    const b = allocFloat64(8);
    expect(b.length).toBe(8);
    expect(b.every((v) => v === 0)).toBe(true);
  });
});
