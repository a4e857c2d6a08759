// Monaco, bundled: @monaco-editor/react is pointed at our own monaco-editor import instead of a
// CDN, and the editor and TypeScript workers come from our bundle. TypeScript is configured like
// the grader (strict, ES2022) with the np typings as module "np", so hover, completion and type
// errors match what the learner can import.
"use client";
import { loader } from "@monaco-editor/react";
import * as monaco from "monaco-editor";
import { editorCompilerOptions } from "./compiler-options";

export type Monaco = typeof monaco;

declare global {
  interface Window {
    MonacoEnvironment?: { getWorker(workerId: string, label: string): Worker };
  }
}

let configured = false;

export function setupMonaco(npTypings: string): Monaco {
  if (configured) return monaco;
  configured = true;
  window.MonacoEnvironment = {
    getWorker(_workerId, label) {
      if (label === "typescript" || label === "javascript") {
        return new Worker(new URL("./ts.worker.ts", import.meta.url), { type: "module", name: "monaco-ts" });
      }
      return new Worker(new URL("./editor.worker.ts", import.meta.url), { type: "module", name: "monaco-editor" });
    },
  };
  const ts = monaco.typescript;
  ts.typescriptDefaults.setCompilerOptions(editorCompilerOptions(ts));
  ts.typescriptDefaults.setDiagnosticsOptions({ noSemanticValidation: false, noSyntaxValidation: false });
  ts.typescriptDefaults.addExtraLib(npTypings, "file:///node_modules/@types/np/index.d.ts");
  ts.typescriptDefaults.setEagerModelSync(true);
  loader.config({ monaco });
  return monaco;
}
