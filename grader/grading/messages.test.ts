// The message catalogue: every message exists in both languages, and each says it in its own.
import { describe, expect, it } from "vitest";
import { formatNumber, messages } from "./messages";

const hangul = /[\uac00-\ud7a3]/;
const sample = (name: string, arity: number): unknown[] => {
  const localized = { ko: "세부 사항", en: "detail" };
  const byName: Record<string, unknown[]> = {
    shapeMismatch: ["dW1", [3, 1], [3], messages.hintKeepdims()],
    valuesDiffer: ["dW1", [0, 1], 0.5, 0.25, 1e-5, 1e-8, 2, 6],
    notFinite: ["A2", Number.NaN, [0, 2], 3],
    notAnArray: ["", localized, [2, 2]],
    notANumber: ["cost", localized],
    notAnObject: ["", ["W1", "b1"], localized],
    notAList: ["", 2, localized],
    diagnosisFirstWrong: ["dZ1", localized, localized],
    repetition: [1, 2, localized],
    gradientFailed: ["dW1", 0.5, 2e-7],
    gradientOwnFailed: ["dW1", 0.5, 2e-7, "dW1 0.5, db1 1e-9"],
    gradientExportFailed: ["forwardPropagation", localized],
    gradientForwardNoA2: ["forwardPropagation", localized],
    gradientCostNotNumber: ["computeCost", localized],
    weightsScale: ["W1", 0.01, 0.8],
    weightsRowsEqual: ["W1", 0, 1],
    numberDiffers: ["cost", 0.69, 0.7, 1e-5, 1e-8],
    wrongLength: ["", 2, 3],
    wrongValue: ["", "true", "false"],
    accuracyLow: [0.5, 0.9],
    costNotDecreasing: [0.7, 0.8],
    uploadTooLarge: [60000, 50000],
    arrayInsteadOfNumber: ["cost", [1, 1]],
  };
  return byName[name] ?? Array.from({ length: arity }, (_, i) => (i === 0 ? "W1" : 1));
};

describe("messages", () => {
  for (const [name, make] of Object.entries(messages)) {
    it(`${name} is written in Korean and in English`, () => {
      const text = (make as (...args: unknown[]) => { ko: string; en: string })(...sample(name, make.length));
      expect(text.ko.length).toBeGreaterThan(0);
      expect(text.en.length).toBeGreaterThan(0);
      expect(text.ko).toMatch(hangul);
      expect(text.en).not.toMatch(hangul);
    });
  }

  it("formats numbers without hiding a wrong value", () => {
    expect(formatNumber(0.1 + 0.2)).toBe("0.3");
    expect(formatNumber(1e-5)).toBe("1e-5");
    expect(formatNumber(0.123456789)).toBe("0.12345679");
    expect(formatNumber(Number.NEGATIVE_INFINITY)).toBe("-inf");
    expect(formatNumber(4.47e-309)).toBe("4.47e-309");
  });
});
