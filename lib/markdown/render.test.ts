import { describe, expect, it, vi } from "vitest";

vi.mock("server-only", () => ({}));
const { renderMarkdown } = await import("./render");

describe("renderMarkdown", () => {
  it("renders inline and display math with KaTeX", async () => {
    const html = await renderMarkdown("Let $\\sigma(z) = \\frac{1}{1+e^{-z}}$.\n\n$$\nA^{[1]} = g(Z^{[1]})\n$$\n");
    expect(html).toContain('class="katex"');
    expect(html).toContain('class="katex-display"');
    expect(html).toContain("<mfrac>");
  });

  it("removes scripts, event handlers and javascript: links from authored HTML", async () => {
    const html = await renderMarkdown('<script>alert(1)</script><img src="x" onerror="alert(1)"> [x](javascript:alert(1))');
    expect(html).not.toContain("<script");
    expect(html).not.toContain("onerror");
    expect(html).not.toContain("javascript:");
  });

  it("keeps code blocks with their language", async () => {
    const html = await renderMarkdown("```ts\nconst a = np.zeros([2, 3]);\n```");
    expect(html).toContain('<code class="language-ts">');
  });

  it("shows consecutive one-line $$…$$ formulas as separate display math, and keeps inline $$ in a sentence inline", async () => {
    const html = await renderMarkdown("$$dZ^{[2]} = A^{[2]} - Y$$\n$$db^{[2]} = \\frac{1}{m}$$\n\nso $$x$$ here.");
    expect(html.match(/class="katex-display"/g)).toHaveLength(2);
    expect(html).toMatch(/<p>so <span class="katex">/);
  });

  it("keeps the formula on a $$ fence line: $$\\begin{aligned} … \\end{aligned}$$", async () => {
    const html = await renderMarkdown("$$\\begin{aligned}\na &= 1 \\\\\nb &= 2\n\\end{aligned}$$");
    expect(html).not.toContain("katex-error");
    expect(html).toContain('class="katex-display"');
  });

  it("leaves $$ inside code blocks alone", async () => {
    const html = await renderMarkdown("```ts\nconst price = `$$${cost}`;\n```\n\nafter");
    expect(html).toContain("const price = `$$${cost}`;");
    expect(html).toContain("<p>after</p>");
  });

  it("renders GitHub tables, such as the shape tables of the statements", async () => {
    const html = await renderMarkdown("| 값 | 모양 |\n|---|---|\n| dW1 | $(n_h, n_x)$ |");
    expect(html).toContain("<table>");
    expect(html).toContain("<th>값</th>");
    expect(html).toMatch(/<td><span class="katex">/);
  });

  it("renders Korean text unchanged", async () => {
    expect(await renderMarkdown("시그모이드 함수")).toContain("시그모이드 함수");
  });
});
