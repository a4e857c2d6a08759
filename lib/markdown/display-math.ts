// A remark plugin for math written the way the lecture notes write it: a paragraph made only of
// one-line `$$…$$` formulas becomes display math (remark-math alone reads them as inline math,
// so consecutive formulas ran together on one line); and `normalizeDisplayMath` puts the `$$` of
// a multi-line formula on lines of their own. Edit if authors need another math notation.
import type { Parent, Root, RootContent } from "mdast";
import type { VFile } from "vfile";

interface MathNode {
  type: "math";
  value: string;
  meta: null;
  data: { hName: "pre"; hChildren: [{ type: "element"; tagName: "code"; properties: { className: string[] }; children: [{ type: "text"; value: string }] }] };
}

function displayMath(value: string): MathNode {
  // The same hast that remark-math gives a fenced $$ block, so rehype-katex renders it in display mode.
  return {
    type: "math",
    value,
    meta: null,
    data: {
      hName: "pre",
      hChildren: [{ type: "element", tagName: "code", properties: { className: ["language-math", "math-display"] }, children: [{ type: "text", value }] }],
    },
  };
}

function formulasOnly(node: RootContent, source: string): string[] | null {
  if (node.type !== "paragraph") return null;
  const formulas: string[] = [];
  for (const child of node.children) {
    if (child.type === "text" && child.value.trim() === "") continue;
    if (child.type !== "inlineMath") return null;
    const start = child.position?.start.offset;
    if (start === undefined || !source.startsWith("$$", start)) return null;
    formulas.push(child.value);
  }
  return formulas.length > 0 ? formulas : null;
}

function rewrite(parent: Parent, source: string): void {
  const children: RootContent[] = [];
  for (const child of parent.children) {
    const formulas = formulasOnly(child, source);
    if (formulas) children.push(...(formulas.map(displayMath) as unknown as RootContent[]));
    else {
      if ("children" in child) rewrite(child, source);
      children.push(child);
    }
  }
  parent.children = children;
}

export default function remarkDisplayDoubleDollar() {
  return (tree: Root, file: VFile) => {
    rewrite(tree, String(file.value));
  };
}

/**
 * `$$\begin{aligned}` … `\end{aligned}$$`: remark-math reads text after an opening `$$` as the
 * block's "meta" (dropped) and needs the closing `$$` alone on its line (else the block runs to
 * the end of the document). Moves both fences onto lines of their own, outside code fences.
 */
export function normalizeDisplayMath(markdown: string): string {
  let inCode = false;
  let inMath = false;
  const out: string[] = [];
  for (const line of markdown.split("\n")) {
    const trimmed = line.trim();
    if (/^(```|~~~)/.test(trimmed)) inCode = !inCode;
    if (inCode) {
      out.push(line);
      continue;
    }
    const opens = trimmed.startsWith("$$") && !(trimmed.length > 4 && trimmed.endsWith("$$"));
    if (!inMath && opens) {
      inMath = true;
      const rest = trimmed.slice(2);
      out.push("$$");
      if (rest.trim() !== "") out.push(rest);
      continue;
    }
    if (inMath && trimmed.endsWith("$$")) {
      inMath = false;
      const before = trimmed.slice(0, -2);
      if (before.trim() !== "") out.push(before);
      out.push("$$");
      continue;
    }
    out.push(line);
  }
  return out.join("\n");
}
