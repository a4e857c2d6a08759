// One language at a time: every string a learner can see comes from messages/*.json. This test
// reads the components' source (TypeScript's parser) and fails on a key missing from a catalogue,
// on a Korean entry left in English, and on English written straight into a component.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import en from "../../messages/en.json";
import ko from "../../messages/ko.json";

const ROOT = path.resolve(import.meta.dirname, "../..");
const CATALOGUES: Record<string, unknown> = { en, ko };

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return name === "generated" ? [] : sourceFiles(file);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [file] : [];
  });
}
const FILES = [...sourceFiles(path.join(ROOT, "app")), ...sourceFiles(path.join(ROOT, "lib"))];
const relative = (file: string) => path.relative(ROOT, file);

function lookup(catalogue: unknown, key: string): unknown {
  return key.split(".").reduce<unknown>((node, part) => (node !== null && typeof node === "object" ? (node as Record<string, unknown>)[part] : undefined), catalogue);
}

function leaves(value: unknown, prefix = ""): [string, string][] {
  if (typeof value === "string") return [[prefix, value]];
  if (value === null || typeof value !== "object") return [];
  return Object.entries(value).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));
}

function walk(node: ts.Node, visit: (node: ts.Node) => void): void {
  visit(node);
  node.forEachChild((child) => walk(child, visit));
}

function parse(file: string): ts.SourceFile {
  return ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true, file.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
}

const isScope = (node: ts.Node) => ts.isSourceFile(node) || ts.isFunctionLike(node);
function scopeOf(node: ts.Node): ts.Node {
  let scope = node.parent;
  while (!isScope(scope)) scope = scope.parent;
  return scope;
}

/** `const t = useTranslations("ns")` (or getTranslations, awaited), by scope: t → "ns". */
function translators(source: ts.SourceFile): Map<ts.Node, Map<string, string>> {
  const found = new Map<ts.Node, Map<string, string>>();
  walk(source, (node) => {
    if (!ts.isVariableDeclaration(node) || !ts.isIdentifier(node.name) || !node.initializer) return;
    const init = ts.isAwaitExpression(node.initializer) ? node.initializer.expression : node.initializer;
    if (!ts.isCallExpression(init) || !ts.isIdentifier(init.expression)) return;
    if (init.expression.text !== "useTranslations" && init.expression.text !== "getTranslations") return;
    const [namespace] = init.arguments;
    const scope = scopeOf(node);
    const names = found.get(scope) ?? new Map<string, string>();
    names.set(node.name.text, namespace && ts.isStringLiteral(namespace) ? namespace.text : "");
    found.set(scope, names);
  });
  return found;
}

/** The namespace of the translator `name` seen from `node` (the nearest enclosing declaration). */
function namespaceOf(scopes: Map<ts.Node, Map<string, string>>, node: ts.Node, name: string): string | undefined {
  for (let scope: ts.Node | undefined = node; scope; scope = scope.parent) {
    const namespace = isScope(scope) ? scopes.get(scope)?.get(name) : undefined;
    if (namespace !== undefined) return namespace;
  }
  return undefined;
}

/** Every literal key passed to a translator, with its file. */
function usedKeys(): { file: string; key: string }[] {
  return FILES.flatMap((file) => {
    const source = parse(file);
    const scopes = translators(source);
    const keys: { file: string; key: string }[] = [];
    walk(source, (node) => {
      if (!ts.isCallExpression(node)) return;
      const callee = ts.isPropertyAccessExpression(node.expression) && ["rich", "markup", "raw", "has"].includes(node.expression.name.text) ? node.expression.expression : node.expression;
      if (!ts.isIdentifier(callee)) return;
      const namespace = namespaceOf(scopes, node, callee.text);
      const [first] = node.arguments;
      if (namespace === undefined || !first || !(ts.isStringLiteral(first) || ts.isNoSubstitutionTemplateLiteral(first))) return;
      keys.push({ file: relative(file), key: namespace ? `${namespace}.${first.text}` : first.text });
    });
    return keys;
  });
}

// Words that read the same in both languages: names, keys on the keyboard, code.
const NEUTRAL = /^(Backprop|Lab|Ctrl|Shift|Enter|Tab|Esc|Cmd|API|URL|JSON|np|NDArray|ReLU|Leaky|tanh|sigmoid|GitHub|OpenAPI|TypeScript|numpy|Python|keepdims|True|axis|PGlite|PostgreSQL|ms|ok|id|Markdown|LaTeX)$/i;
const englishWords = (text: string) => (text.match(/[A-Za-z]{2,}/g) ?? []).filter((word) => !NEUTRAL.test(word));

describe("the message catalogues", () => {
  const keys = usedKeys();

  it("find the keys the components use", () => {
    expect(keys.length).toBeGreaterThan(100);
  });

  it("have every key a component uses, in every language", () => {
    const missing = Object.entries(CATALOGUES).flatMap(([locale, catalogue]) =>
      keys.filter(({ key }) => typeof lookup(catalogue, key) !== "string").map(({ file, key }) => `${locale}: ${key} (${file})`),
    );
    expect([...new Set(missing)]).toEqual([]);
  });

  it("have no Korean entry left in English", () => {
    const english = new Map(leaves(en));
    const untranslated = leaves(ko).filter(([key, text]) => englishWords(text).length > 0 && text === english.get(key)).map(([key, text]) => `${key}: ${text}`);
    expect(untranslated).toEqual([]);
  });
});

/** A literal that ends up as text of a JSX element: inside `{…}` between tags, through ?:, && and +. */
function isShownText(node: ts.Node): boolean {
  let child = node;
  let parent = node.parent;
  while (ts.isParenthesizedExpression(parent) || ts.isConditionalExpression(parent) || (ts.isBinaryExpression(parent) && [ts.SyntaxKind.PlusToken, ts.SyntaxKind.AmpersandAmpersandToken, ts.SyntaxKind.BarBarToken, ts.SyntaxKind.QuestionQuestionToken].includes(parent.operatorToken.kind))) {
    if (ts.isConditionalExpression(parent) && parent.condition === child) return false;
    child = parent;
    parent = parent.parent;
  }
  return ts.isJsxExpression(parent) && (ts.isJsxElement(parent.parent) || ts.isJsxFragment(parent.parent));
}

describe("the components", () => {
  // Attributes a learner reads or hears.
  const SHOWN_ATTRIBUTES = new Set(["label", "title", "aria-label", "placeholder", "alt", "caption", "summary"]);

  it("write no English straight into what the learner sees", () => {
    const hardCoded: string[] = [];
    for (const file of FILES.filter((f) => f.endsWith(".tsx"))) {
      const source = parse(file);
      const at = (node: ts.Node) => `${relative(file)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
      walk(source, (node) => {
        if (ts.isJsxText(node) && englishWords(node.text).length > 0) hardCoded.push(`${at(node)} ${node.text.trim()}`);
        if (ts.isJsxAttribute(node) && SHOWN_ATTRIBUTES.has(node.name.getText()) && node.initializer) {
          const value = ts.isStringLiteral(node.initializer) ? node.initializer : ts.isJsxExpression(node.initializer) ? node.initializer.expression : undefined;
          if (value && (ts.isStringLiteral(value) || ts.isNoSubstitutionTemplateLiteral(value)) && englishWords(value.text).length > 0) hardCoded.push(`${at(node)} ${node.getText()}`);
        }
        // Text put together in braces: {"shape"}, {` · shape ${x}`}, {ok ? "pass" : ""}. Literals that are
        // compared, passed to a function (t("key")) or are attributes of nested elements are not text.
        if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateExpression(node)) && isShownText(node)) {
          const text = ts.isTemplateExpression(node) ? [node.head.text, ...node.templateSpans.map((span) => span.literal.text)].join(" ") : node.text;
          if (englishWords(text).length > 0) hardCoded.push(`${at(node)} ${node.getText()}`);
        }
      });
    }
    expect(hardCoded).toEqual([]);
  });
});

describe("the starters' comments", () => {
  const EXERCISES = path.join(ROOT, "exercises");
  const starters = readdirSync(EXERCISES)
    .map((id) => path.join(EXERCISES, id, "starter.ts"))
    .filter((file) => statSync(path.dirname(file)).isDirectory() && readdirSync(path.dirname(file)).includes("starter.ts"));

  /** Runs of comment lines (a JSDoc block or consecutive // lines), with their first line number. */
  function commentBlocks(text: string): { line: number; text: string }[] {
    const blocks: { line: number; text: string }[] = [];
    let current: { line: number; text: string } | null = null;
    text.split("\n").forEach((raw, i) => {
      const line = raw.trim();
      const isComment = line.startsWith("//") || line.startsWith("/*") || (current !== null && (line.startsWith("*") || line.startsWith("*/")));
      if (isComment) {
        current ??= { line: i + 1, text: "" };
        current.text += `${line}\n`;
        if (line.endsWith("*/") && !line.startsWith("//")) {
          blocks.push(current);
          current = null;
        }
      } else if (current) {
        blocks.push(current);
        current = null;
      }
    });
    if (current) blocks.push(current);
    return blocks;
  }

  it("are in Korean too wherever they are in English", () => {
    expect(starters.length).toBeGreaterThanOrEqual(19);
    const englishOnly = starters.flatMap((file) =>
      commentBlocks(readFileSync(file, "utf8"))
        .filter((block) => !/[가-힣]/.test(block.text) && (block.text.match(/[A-Za-z]{3,}/g) ?? []).some((word) => !NEUTRAL.test(word) && word !== "TODO"))
        .map((block) => `${relative(file)}:${block.line}`),
    );
    expect(englishOnly).toEqual([]);
  });
});
