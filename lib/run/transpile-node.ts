// The browser Run's transpilation, reproduced in Node for tests: TypeScript to CommonJS with the
// same options Monaco's worker uses (lib/ui/editor/monaco-setup.ts).
import ts from "typescript";

export function transpileForRun(source: string): string {
  return ts.transpileModule(source, {
    compilerOptions: { target: ts.ScriptTarget.ES2020, module: ts.ModuleKind.CommonJS, esModuleInterop: false, strict: true, inlineSourceMap: true, inlineSources: false },
    fileName: "learner.ts",
  }).outputText;
}
