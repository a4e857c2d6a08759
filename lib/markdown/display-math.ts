// A remark plugin: a paragraph made only of `$$…$$` formulas, each written on one line the way
// the lecture notes write them, becomes display math (remark-math alone reads a one-line `$$…$$`
// as inline math, so consecutive formulas ran together on one line). Edit if authors need
// another math notation.
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
