// Renders a quiz explanation (returned by the answers API after grading) as sanitized Markdown +
// KaTeX on the server, so the browser needs no Markdown or KaTeX bundle.
"use server";
import { z } from "zod";
import { renderMarkdown } from "@/lib/markdown/render";

const Text = z.string().max(20_000);

export async function renderExplanation(markdown: string): Promise<string> {
  return renderMarkdown(Text.parse(markdown));
}
