// The Monaco editor island (loaded with next/dynamic, client only, on exercise pages only).
"use client";
import Editor, { type OnMount } from "@monaco-editor/react";
import type { editor } from "monaco-editor";
import { useEffect, useState } from "react";
import { setupMonaco, type Monaco } from "./monaco-setup";

export interface CodeEditorProps {
  readonly exerciseId: string;
  readonly value: string;
  readonly npTypings: string;
  readonly label: string;
  readonly onChange: (code: string) => void;
  readonly onReady: (editor: editor.IStandaloneCodeEditor, monaco: Monaco) => void;
}

function resolvedDark(): boolean {
  const theme = document.documentElement.dataset.theme;
  if (theme === "dark") return true;
  if (theme === "light") return false;
  return window.matchMedia("(prefers-color-scheme: dark)").matches;
}

export default function CodeEditor({ exerciseId, value, npTypings, label, onChange, onReady }: CodeEditorProps) {
  // Configure before the first render of <Editor>, so the loader never reaches for a CDN.
  const [monaco] = useState<Monaco>(() => setupMonaco(npTypings));
  const [dark, setDark] = useState(false);
  useEffect(() => {
    const update = () => setDark(resolvedDark());
    update();
    const media = window.matchMedia("(prefers-color-scheme: dark)");
    media.addEventListener("change", update);
    window.addEventListener("backprop-theme", update);
    return () => {
      media.removeEventListener("change", update);
      window.removeEventListener("backprop-theme", update);
    };
  }, []);
  // Our own monaco import, the same instance the loader was given.
  const handleMount: OnMount = (instance) => onReady(instance, monaco);
  return (
    <Editor
      path={`file:///exercises/${exerciseId}/solution.ts`}
      defaultLanguage="typescript"
      value={value}
      theme={dark ? "vs-dark" : "vs"}
      onChange={(code) => onChange(code ?? "")}
      onMount={handleMount}
      options={{
        ariaLabel: label,
        minimap: { enabled: false },
        fontSize: 14,
        tabSize: 2,
        scrollBeyondLastLine: false,
        automaticLayout: true,
        fixedOverflowWidgets: true,
        // Tab moves focus out of the editor after Ctrl+M, as in VS Code: keyboard users are not trapped.
        tabFocusMode: false,
      }}
    />
  );
}
