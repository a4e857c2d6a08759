// Every text of the course (statements, hints, section intros, quiz prompts, choices, feedback and
// explanations) renders without a KaTeX error: a formula that does not parse is shown to
// learners in red, so it is caught here rather than in a browser.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it, vi } from "vitest";

vi.mock("server-only", () => ({}));
const { renderMarkdown } = await import("./render");

const EXERCISES = fileURLToPath(new URL("../../exercises", import.meta.url));

/** Every { ko, en } text inside a JSON document. */
function localizedTexts(value: unknown, where: string, out: [string, string][] = []): [string, string][] {
  if (Array.isArray(value)) value.forEach((v, i) => localizedTexts(v, `${where}[${i}]`, out));
  else if (value !== null && typeof value === "object") {
    const record = value as Record<string, unknown>;
    if (typeof record.ko === "string" && typeof record.en === "string") {
      out.push([`${where}.ko`, record.ko], [`${where}.en`, record.en]);
    } else for (const [key, v] of Object.entries(record)) localizedTexts(v, `${where}.${key}`, out);
  }
  return out;
}

function courseTexts(): [string, string][] {
  const texts: [string, string][] = [];
  for (const entry of readdirSync(EXERCISES, { withFileTypes: true })) {
    const dir = join(EXERCISES, entry.name);
    if (entry.isDirectory() && entry.name !== "quizzes") {
      for (const locale of ["ko", "en"]) texts.push([`${entry.name}/statement.${locale}.md`, readFileSync(join(dir, `statement.${locale}.md`), "utf8")]);
      localizedTexts(JSON.parse(readFileSync(join(dir, "exercise.json"), "utf8")), `${entry.name}/exercise.json`, texts);
    }
  }
  for (const file of readdirSync(join(EXERCISES, "quizzes"))) {
    localizedTexts(JSON.parse(readFileSync(join(EXERCISES, "quizzes", file), "utf8")), `quizzes/${file}`, texts);
  }
  localizedTexts(JSON.parse(readFileSync(join(EXERCISES, "course.json"), "utf8")), "course.json", texts);
  return texts;
}

describe("the course's Markdown", () => {
  it("has formulas that all parse", async () => {
    const texts = courseTexts();
    expect(texts.length).toBeGreaterThan(500);
    const broken: string[] = [];
    for (const [where, markdown] of texts) {
      const html = await renderMarkdown(markdown);
      const error = /class="katex-error" title="([^"]*)"/.exec(html);
      if (error) broken.push(`${where}: ${error[1]?.slice(0, 160)}`);
    }
    expect(broken).toEqual([]);
  });
});
