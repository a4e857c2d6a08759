import { describe, expect, it } from "vitest";
import { countsAsAttempt } from "./attempts";

describe("countsAsAttempt (issue 11: broken submissions must not unlock the solution)", () => {
  it("counts code that ran, whatever its result", () => {
    expect(countsAsAttempt({})).toBe(true);
    expect(countsAsAttempt({ error: { kind: "throw" } })).toBe(true);
    expect(countsAsAttempt({ error: { kind: "missing-export" } })).toBe(true);
    expect(countsAsAttempt({ error: { kind: "memory" } })).toBe(true);
  });
  it("does not count code that never ran to a result, nor a grader failure", () => {
    for (const kind of ["compile", "timeout", "too-large", "upload", "grader"]) expect(countsAsAttempt({ error: { kind } })).toBe(false);
    expect(countsAsAttempt({ graderError: true })).toBe(false);
  });
});
