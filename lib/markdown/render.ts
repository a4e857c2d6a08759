// Statement and quiz Markdown to HTML on the server: GitHub-style Markdown (tables included),
// LaTeX math with KaTeX (a line that is one `$$…$$` formula is display math),
// and a sanitizer between the author's HTML and the page. Sanitizing runs before KaTeX, so the
// author's input is cleaned and only KaTeX's own (trusted) markup is added afterwards.
import "server-only";
import rehypeKatex from "rehype-katex";
import rehypeSanitize from "rehype-sanitize";
import rehypeStringify from "rehype-stringify";
import remarkGfm from "remark-gfm";
import remarkMath from "remark-math";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import { normalizeDisplayMath } from "./display-math";
import { markdownSchema } from "./schema";

const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkMath)
  .use(remarkRehype)
  .use(rehypeSanitize, markdownSchema)
  // A malformed formula is shown as an error in place (rehype-katex catches it), not a crash.
  .use(rehypeKatex)
  .use(rehypeStringify);

export async function renderMarkdown(markdown: string): Promise<string> {
  return String(await processor.process(normalizeDisplayMath(markdown)));
}

