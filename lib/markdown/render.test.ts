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

  it("renders Korean text unchanged", async () => {
    expect(await renderMarkdown("시그모이드 함수")).toContain("시그모이드 함수");
  });
});
