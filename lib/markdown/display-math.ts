// Display math written the way the lecture notes write it, made into what remark-math reads as a
// display block: a `$$` fence alone on its line. Edit if authors need another math notation.

/** A whole line that is one `$$…$$` formula (not `$$` alone, not two formulas on one line). */
function oneLineFormula(trimmed: string): string | null {
  if (trimmed.length <= 4 || !trimmed.startsWith("$$") || !trimmed.endsWith("$$")) return null;
  const inner = trimmed.slice(2, -2);
  return inner.includes("$$") ? null : inner;
}

/**
 * Outside code fences:
 * - a line that is one `$$…$$` formula becomes a display block (remark-math reads it as inline
 *   math, so consecutive formulas ran together on one line);
 * - `$$\begin{aligned}` … `\end{aligned}$$`: remark-math reads text after an opening `$$` as the
 *   block's "meta" (dropped) and needs the closing `$$` alone on its line (else the block runs to
 *   the end of the document), so both fences move onto lines of their own.
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
    const formula = inMath ? null : oneLineFormula(trimmed);
    if (formula !== null) {
      out.push("$$", formula, "$$");
      continue;
    }
    if (!inMath && trimmed.startsWith("$$")) {
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
