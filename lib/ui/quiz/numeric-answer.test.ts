import { describe, expect, it } from "vitest";
import { parseNumericAnswer } from "./numeric-answer";

describe("parseNumericAnswer (issue 11: a decimal comma silently disabled the Answer button)", () => {
  it("accepts a decimal comma, a dot, a typographic minus, exponents and surrounding spaces", () => {
    expect(parseNumericAnswer("-0,03")).toEqual({ kind: "number", value: -0.03 });
    expect(parseNumericAnswer("-0.03")).toEqual({ kind: "number", value: -0.03 });
    expect(parseNumericAnswer(" \u22120,25 ")).toEqual({ kind: "number", value: -0.25 });
    expect(parseNumericAnswer("1e-3")).toEqual({ kind: "number", value: 0.001 });
    expect(parseNumericAnswer(",5")).toEqual({ kind: "number", value: 0.5 });
  });
  it("says why other input is refused instead of only disabling the button", () => {
    expect(parseNumericAnswer("  ")).toEqual({ kind: "empty" });
    expect(parseNumericAnswer("1,234.5")).toEqual({ kind: "invalid", reason: "two-separators" });
    expect(parseNumericAnswer("1,2,3")).toEqual({ kind: "invalid", reason: "two-separators" });
    expect(parseNumericAnswer("abc")).toEqual({ kind: "invalid", reason: "not-a-number" });
    expect(parseNumericAnswer("0x10")).toEqual({ kind: "invalid", reason: "not-a-number" });
    expect(parseNumericAnswer("Infinity")).toEqual({ kind: "invalid", reason: "not-a-number" });
    expect(parseNumericAnswer("1e999")).toEqual({ kind: "invalid", reason: "not-a-number" });
  });
});
