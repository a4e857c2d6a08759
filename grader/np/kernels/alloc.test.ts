// The slab allocator: results never share elements, start zeroed, survive a slab being
// transferred away, and a program that keeps arrays does not pin much more than it keeps.
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

  it("gives large, tiny and empty results their own buffer", () => {
    const big = allocFloat64(5000);
    expect(big.byteOffset).toBe(0);
    expect(big.buffer.byteLength).toBe(5000 * 8);
    const tiny = allocFloat64(4);
    expect(tiny.buffer.byteLength).toBe(4 * 8);
    expect(allocFloat64(0).length).toBe(0);
  });

  it("shares a buffer only between a few arrays of the same size, so a kept array pins little", () => {
    const a = allocFloat64(1600);
    const other = allocFloat64(400);
    expect(other.buffer).not.toBe(a.buffer);
    expect(a.buffer.byteLength).toBeLessThanOrEqual(4 * 1600 * 8);
  });

  it("keeps memory bounded when a program keeps one array per iteration", () => {
    // 10 000 iterations that each allocate 25 KB of intermediates and keep one (4, 1) and one
    // (1, 400) result: the kept buffers must stay within 4× the kept data.
    const kept: Float64Array[] = [];
    for (let i = 0; i < 10_000; i++) {
      for (let j = 0; j < 2; j++) allocFloat64(1600);
      kept.push(allocFloat64(4), allocFloat64(400));
    }
    const buffers = new Set(kept.map((a) => a.buffer));
    const pinned = [...buffers].reduce((sum, b) => sum + b.byteLength, 0);
    const live = kept.reduce((sum, a) => sum + a.byteLength, 0);
    expect(pinned).toBeLessThanOrEqual(4 * live);
  });

  it("starts a new slab when the current one was transferred away", () => {
    const a = allocFloat64(8);
    structuredClone(a.buffer, { transfer: [a.buffer] });
    const b = allocFloat64(8);
    expect(b.length).toBe(8);
    expect(b.every((v) => v === 0)).toBe(true);
  });
});
