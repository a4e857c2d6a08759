// np.random must run where the sandbox and the browser run it: a bare V8 context with
// no Node APIs and no `crypto`. Bundles the module with esbuild and runs it in an empty
// node:vm context; numpy's numbers must come out, and an unseeded state must still work.
import { build } from "esbuild";
import { createContext, runInContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { loadFixture } from "./fixtures/load-fixture";
import { RandomState } from "./random-state";

async function bundle(): Promise<string> {
  const result = await build({
    entryPoints: [new URL("./index.ts", import.meta.url).pathname],
    bundle: true,
    format: "iife",
    globalName: "random",
    platform: "neutral",
    write: false,
    logLevel: "silent",
  });
  const file = result.outputFiles[0];
  if (file === undefined) throw new Error("esbuild produced no output");
  return file.text;
}

describe("np.random in a bare V8 context", () => {
  it("bundles without Node built-ins and draws numpy's numbers", async () => {
    const code = await bundle();
    const context = createContext({});
    runInContext(code, context);
    // Draws inside the context; only plain numbers cross back.
    const drawn: unknown = runInContext(
      "random.seed(0); [random.rand(), Array.from(random.randn(4).data), random.randint(0, 100)]",
      context,
    );
    const expected = new RandomState(0);
    expect(JSON.stringify(drawn)).toBe(
      JSON.stringify([expected.rand(), Array.from(expected.randn(4).data), expected.randint(0, 100)]),
    );
    // numpy: np.random.seed(0); np.random.rand() (the first step of rand.json).
    const numpyFirst = loadFixture("rand")[0]?.steps[0]?.out;
    expect(Array.isArray(drawn) ? drawn[0] : undefined).toBe(numpyFirst);
  });

  it("seeds itself without crypto when no seed is given", async () => {
    const context = createContext({});
    runInContext(await bundle(), context);
    expect(runInContext("typeof crypto", context)).toBe("undefined");
    const u: unknown = runInContext("random.seed(); random.rand()", context);
    expect(typeof u).toBe("number");
    expect(u).toBeGreaterThanOrEqual(0);
    expect(u).toBeLessThan(1);
  });
});
