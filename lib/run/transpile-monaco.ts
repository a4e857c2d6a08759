// Transpiles the learner's TypeScript in the browser with Monaco's TypeScript worker (the same
// compiler that shows their type errors). Syntax errors stop the run with a position; type errors
// do not (the grader does not block on them either).
"use client";
import type { editor } from "monaco-editor";
import type { Monaco } from "@/lib/ui/editor/monaco-setup";

export type Transpiled = { ok: true; js: string } | { ok: false; message: string; line: number; column: number };

export async function transpileInMonaco(monaco: Monaco, model: editor.ITextModel): Promise<Transpiled> {
  const getWorker = await monaco.typescript.getTypeScriptWorker();
  const worker = await getWorker(model.uri);
  const uri = model.uri.toString();
  const syntax = await worker.getSyntacticDiagnostics(uri);
  const first = syntax[0];
  if (first) {
    const position = model.getPositionAt(first.start ?? 0);
    const message = typeof first.messageText === "string" ? first.messageText : first.messageText.messageText;
    return { ok: false, message, line: position.lineNumber, column: position.column };
  }
  const output = await worker.getEmitOutput(uri);
  const js = output.outputFiles.find((file) => file.name.endsWith(".js"))?.text;
  if (js === undefined) return { ok: false, message: "TypeScript produced no JavaScript", line: 1, column: 1 };
  return { ok: true, js };
}
