// transpileLearnerCode: types stripped without checking, only "np" importable, compile errors
// carry the learner's line and column.
import { describe, expect, it } from "vitest";
import { MAX_NESTING } from "./constants";
import { checkNesting, transpileLearnerCode } from "./transpile";

describe("transpileLearnerCode", () => {
  it("strips types and keeps running code even when the types are wrong", async () => {
    const result = await transpileLearnerCode('import * as np from "np";\nexport function f(x: number): string { return np.multiply(x, 2); }\n', "a.ts");
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.code).toContain('require("np")');
    expect(result.code).not.toContain(": number");
    expect(JSON.parse(result.sourceMap)).toHaveProperty("mappings");
  });

  it("accepts named and type-only imports from np", async () => {
    const result = await transpileLearnerCode('import { zeros } from "np";\nimport type { NDArray } from "np";\nexport const f = (): NDArray => zeros([2]);\n', "a.ts");
    expect(result.ok).toBe(true);
  });

  it.each([
    ['import * as fs from "node:fs";\nexport const f = () => fs.readFileSync("/etc/passwd");\n', "node:fs"],
    ['import { x } from "./other";\nexport const f = () => x;\n', "./other"],
    ['export const f = () => require("child_process");\n', "child_process"],
    ['export const f = () => import("node:fs");\n', "node:fs"],
  ])("refuses any other module with a clear message (%#)", async (source, name) => {
    const result = await transpileLearnerCode(source, "a.ts");
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.message).toContain("only the np module can be imported");
    expect(result.error.message).toContain(name);
    expect(result.error.line).toBeGreaterThanOrEqual(1);
  });

  it("reports a syntax error at the learner's line and 1-based column", async () => {
    const result = await transpileLearnerCode("export function f(x) {\n  return x +;\n}\n", "a.ts");
    expect(result).toEqual({ ok: false, error: { message: expect.any(String) as string, line: 2, column: 13 } });
  });

  it("explains top-level await in learner terms", async () => {
    const result = await transpileLearnerCode("const x = await Promise.resolve(1);\nconsole.log(x);\n", "main.ts");
    expect(result).toEqual({ ok: false, error: { message: "top-level await is not supported: put the code in an async function and call it", line: 1, column: 11 } });
  });

  it("reads .js files as JavaScript (TypeScript syntax is an error there)", async () => {
    const result = await transpileLearnerCode("export const f = (x: number) => x;\n", "a.js");
    expect(result.ok).toBe(false);
  });
});

describe("checkNesting (before any parser sees the source)", () => {
  const nested = (depth: number): string => `export const x = ${"[".repeat(depth)}${"]".repeat(depth)};\n`;

  it("accepts nesting up to MAX_NESTING and refuses one level more, with its position", () => {
    expect(checkNesting(nested(MAX_NESTING))).toBeNull();
    expect(checkNesting(`// a comment\n${nested(MAX_NESTING + 1)}`)).toEqual({
      message: `brackets nested deeper than ${MAX_NESTING} levels: the compiler's budget (simplify the code)`,
      line: 2,
      column: "export const x = ".length + MAX_NESTING + 1,
      budget: { kind: "brackets", limit: MAX_NESTING },
    });
  });

  it("refuses a chain of more than MAX_NESTING labels, not object literals, annotations or type members", () => {
    expect(checkNesting(`${"a:".repeat(MAX_NESTING + 1)};\n`)?.message).toMatch(/labels chained deeper than/);
    expect(checkNesting(`${"a: ".repeat(MAX_NESTING)}for (;;) break;\n`)).toBeNull();
    const members = Array.from({ length: 3 * MAX_NESTING }, (_, i) => `  k${i}: number`).join("\n");
    expect(checkNesting(`interface Big {\n${members}\n}\nconst o = { ${Array.from({ length: 300 }, (_, i) => `k${i}: v`).join(", ")} };\nfunction f(a: number, b: string): boolean { return a ? b : c; }\n`)).toBeNull();
  });

  it("does not count brackets inside strings, comments and template literals, but does inside ${}", () => {
    const many = "(".repeat(3 * MAX_NESTING);
    expect(checkNesting(`const s = "${many}"; const t = '${many}'; // ${many}\n/* ${many} */ const u = \`${many}\`;\n`)).toBeNull();
    expect(checkNesting(`const u = \`\${${"(".repeat(MAX_NESTING)}1${")".repeat(MAX_NESTING)}}\`;\n`)?.line).toBe(1);
    expect(checkNesting(`const u = \`a\${b}c\${\`d\${e}\`}\`; const v = [[1]];\n`)).toBeNull();
  });

  it("turns a refused source into the learner's compile error", async () => {
    const result = await transpileLearnerCode(`${"{".repeat(24_500)}${"}".repeat(24_500)}\nexport function f() { return 1; }\n`, "bomb.ts");
    expect(result).toEqual({ ok: false, error: expect.objectContaining({ line: 1, column: MAX_NESTING + 1 }) as unknown });
  });
});
