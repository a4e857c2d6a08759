// Every starter, reference solution and alternative type-checks without a single diagnostic in the
// editor's TypeScript: Monaco's own worker (the class the browser runs) with editorCompilerOptions
// and the np typings. A learner must never see correct code underlined.
import { readdirSync, readFileSync, existsSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { beforeAll, describe, expect, it } from "vitest";
import { editorCompilerOptions } from "./compiler-options";

const ROOT = path.resolve(import.meta.dirname, "../../..");
const EXERCISES = path.join(ROOT, "exercises");
const NP_TYPINGS = readFileSync(path.join(ROOT, "grader/np/np.d.ts"), "utf8");
const MODEL_URI = "file:///exercises/check/solution.ts";

interface Diagnostic {
  readonly start?: number;
  readonly messageText: string | { readonly messageText: string };
}
interface EditorWorker {
  getSyntacticDiagnostics(uri: string): Promise<Diagnostic[]>;
  getSemanticDiagnostics(uri: string): Promise<Diagnostic[]>;
}
type WorkerClass = new (ctx: unknown, createData: unknown) => EditorWorker;

let worker: EditorWorker;
// One worker for the whole file, as in the browser: the model's text and version change.
const model = { uri: { toString: () => MODEL_URI, path: "/exercises/check/solution.ts" }, value: "", version: 0, getValue: () => model.value };

beforeAll(async () => {
  // A variable specifier: the worker module ships without typings; its shape is checked below.
  const specifier = "monaco-editor/languages/features/typescript/tsWorker.js";
  const mod = (await import(/* @vite-ignore */ specifier)) as { TypeScriptWorker?: unknown };
  if (typeof mod.TypeScriptWorker !== "function") throw new Error("monaco-editor's TypeScriptWorker moved");
  const TypeScriptWorker = mod.TypeScriptWorker as WorkerClass;
  worker = new TypeScriptWorker(
    { getMirrorModels: () => [model] },
    { compilerOptions: editorCompilerOptions(ts), extraLibs: { "file:///node_modules/@types/np/index.d.ts": { content: NP_TYPINGS, version: 1 } } },
  );
  // Loading TypeScript itself (Monaco's 10 MB bundle) takes a while on a busy machine.
}, 300_000);

/** The editor's diagnostics for `code`, as "line: message". */
async function editorDiagnostics(code: string): Promise<string[]> {
  model.value = code;
  model.version += 1;
  const all = [...(await worker.getSyntacticDiagnostics(MODEL_URI)), ...(await worker.getSemanticDiagnostics(MODEL_URI))];
  return all.map((d) => {
    const line = code.slice(0, d.start ?? 0).split("\n").length;
    return `${line}: ${typeof d.messageText === "string" ? d.messageText : d.messageText.messageText}`;
  });
}

const files = readdirSync(EXERCISES, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(path.join(EXERCISES, entry.name, "exercise.json")))
  .flatMap((entry) => {
    const dir = path.join(EXERCISES, entry.name);
    const alternatives = existsSync(path.join(dir, "alternatives")) ? readdirSync(path.join(dir, "alternatives")).map((f) => `alternatives/${f}`) : [];
    return ["starter.ts", "solution.ts", ...alternatives].map((file) => path.join(entry.name, file));
  });

describe("the editor's TypeScript", () => {
  it("finds the course's files", () => {
    expect(files.length).toBeGreaterThanOrEqual(19 * 2);
  });

  it.each(files)("shows no error in %s", async (file) => {
    expect(await editorDiagnostics(readFileSync(path.join(EXERCISES, file), "utf8"))).toEqual([]);
  });

  it("knows the standard library (ReturnType, Array indexing) and still reports real type errors", async () => {
    const ok = `import * as np from "np";\nconst biggest: ReturnType<typeof Math.max> = Math.max(...[1, 2].map((x) => x * 2));\nexport const m: number = np.zeros([2, 3]).shape[1]! + biggest;\n`;
    expect(await editorDiagnostics(ok)).toEqual([]);
    const wrong = `import * as np from "np";\nexport const m: string = np.zeros([2, 3]).shape[1]!;\n`;
    expect(await editorDiagnostics(wrong)).toEqual(["2: Type 'number' is not assignable to type 'string'."]);
  });
});
