// toShown: what a verdict stores and shows of a value, within SHOWN_BUDGET (ADR 007).
import { describe, expect, it } from "vitest";
import { HostArray, PREVIEW_CHARS, PREVIEW_ITEMS, SHOWN_BUDGET, toShown } from "./values";

describe("toShown", () => {
  it("shows small arrays as nested lists with their shape", () => {
    expect(toShown(new HostArray([2, 2], Float64Array.from([1, 2, 3, Number.NaN])))).toEqual({ shape: [2, 2], values: [[1, 2], [3, Number.NaN]] });
    expect(toShown(new HostArray([3, 0], new Float64Array(0)))).toEqual({ shape: [3, 0], values: [[], [], []] });
  });

  it("never expands a zero-size array whose dimensions would make a billion lists", () => {
    const bomb = new HostArray([1_000_000_000, 0], new Float64Array(0));
    bomb.toNested = () => {
      throw new Error("expanded");
    };
    expect(toShown(bomb)).toEqual({ truncated: true, shape: [1_000_000_000, 0], size: 0, preview: [] });
  });

  it("shows the beginning and the size of a big array", () => {
    const data = Float64Array.from({ length: 20_000 }, (_, i) => i);
    expect(toShown(new HostArray([100, 200], data))).toEqual({ truncated: true, shape: [100, 200], size: 20_000, preview: Array.from({ length: PREVIEW_ITEMS }, (_, i) => i) });
  });

  it("shows the beginning and the length of a 15-million-character string", () => {
    const shown = toShown("x".repeat(15_000_000));
    expect(shown).toEqual({ truncated: true, length: 15_000_000, preview: "x".repeat(PREVIEW_CHARS) });
  });

  it("keeps a whole value within the budget, however it is nested", () => {
    const row = Array.from({ length: 5_000 }, () => 1);
    const lists = Array.from({ length: 5_000 }, () => row);
    expect(JSON.stringify(toShown(lists)).length).toBeLessThan(4 * SHOWN_BUDGET);
    const record = Object.fromEntries(Array.from({ length: 50_000 }, (_, i) => [`k${i}`, "y".repeat(100)]));
    const shown = toShown(record) as Record<string, unknown>;
    expect(JSON.stringify(shown).length).toBeLessThan(4 * SHOWN_BUDGET);
    expect(shown["…"]).toMatch(/^\d+ more keys$/);
  });
});
