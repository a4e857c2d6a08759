// The Monaco editor island (loaded with next/dynamic, client only, on exercise pages only).
"use client";
import Editor, { type OnMount } from "@monaco-editor/react";
import type { editor } from "monaco-editor";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
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

// The first family of --font-mono (app/globals.css), loaded before Monaco measures its characters.
const CODE_FONT_PRIMARY = '"JetBrains Mono Variable"';

/** The site's monospace stack, so the editor shows code in the same font as the rest of the page. */
function codeFontFamily(): string {
  return getComputedStyle(document.documentElement).getPropertyValue("--font-mono").trim() || "monospace";
}

export default function CodeEditor({ exerciseId, value, npTypings, label, onChange, onReady }: CodeEditorProps) {
  // Configure before the first render of <Editor>, so the loader never reaches for a CDN.
  const [monaco] = useState<Monaco>(() => setupMonaco(npTypings));
  const [dark, setDark] = useState(false);
  const [fontFamily] = useState(codeFontFamily);
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
  const t = useTranslations("workspace");
  const frame = useRef<HTMLDivElement>(null);
  const [escaped, setEscaped] = useState(false);
  // Our own monaco import, the same instance the loader was given.
  const handleMount: OnMount = (instance) => {
    onReady(instance, monaco);
    // Tab indents, so it cannot also leave the editor: Esc, then Tab (or Shift+Tab), does, as in
    // CodeMirror and the WAI-ARIA advice for editors that keep Tab. Esc still closes widgets first.
    let armed = false;
    const modifiers = [monaco.KeyCode.Shift, monaco.KeyCode.Ctrl, monaco.KeyCode.Alt, monaco.KeyCode.Meta];
    instance.onKeyDown((event) => {
      if (modifiers.includes(event.keyCode)) return;
      if (event.keyCode === monaco.KeyCode.Escape) {
        armed = true;
        setEscaped(true);
        return;
      }
      if (event.keyCode === monaco.KeyCode.Tab && armed && !event.ctrlKey && !event.altKey && !event.metaKey) {
        event.preventDefault();
        event.stopPropagation();
        if (frame.current) focusOutside(frame.current, event.shiftKey ? "backward" : "forward");
      }
      armed = false;
      setEscaped(false);
    });
    instance.onDidBlurEditorText(() => {
      armed = false;
      setEscaped(false);
    });
    // The code font is a web font: measured before it has loaded, the cursor would drift off the text.
    void document.fonts.load(`14px ${CODE_FONT_PRIMARY}`).then(() => monaco.editor.remeasureFonts());
  };
  return (
    <div ref={frame} style={{ height: "100%" }}>
      <p className="sr-only" role="status" aria-live="polite" data-testid="editor-leave-hint">
        {escaped ? t("leaveEditor") : ""}
      </p>
      <Editor
        path={`file:///exercises/${exerciseId}/solution.ts`}
        defaultLanguage="typescript"
        value={value}
        theme={dark ? "vs-dark" : "vs"}
        onChange={(code) => onChange(code ?? "")}
        onMount={handleMount}
        options={{
          ariaLabel: `${label}. ${t("keyboardHint")}`,
          minimap: { enabled: false },
          fontSize: 14,
          fontFamily,
          tabSize: 2,
          scrollBeyondLastLine: false,
          automaticLayout: true,
          fixedOverflowWidgets: true,
          tabFocusMode: false,
        }}
      />
    </div>
  );
}

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** Moves the focus to the next (or previous) focusable element of the page outside `container`. */
function focusOutside(container: HTMLElement, direction: "forward" | "backward"): void {
  const outside = [...document.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => !container.contains(el) && el.getClientRects().length > 0);
  const after = (el: HTMLElement) => (container.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
  const target = direction === "forward" ? outside.find(after) : outside.filter((el) => !after(el)).at(-1);
  target?.focus();
}
