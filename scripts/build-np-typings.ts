// Generates grader/np/np.d.ts, the typings Monaco loads so learner code written as
// `import * as np from "np"` gets completion and hover docs. Run after changing the
// public API of grader/np:   npx tsx scripts/build-np-typings.ts
// grader/np/typings.test.ts fails when the committed file is stale.
//
// How: the TypeScript compiler emits declarations for grader/np, then the files are
// grouped into ambient modules ("np", and one per namespace such as "np/linalg"),
// each file joining the first module that reaches it through imports. Inside a
// module, helper files lose their `export`s, so only what the entry file exports is
// visible to learners; imports across modules are pointed at the module names.
import { existsSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import ts from "typescript";

const npDir = resolve(dirname(fileURLToPath(import.meta.url)), "../grader/np");
export const npTypingsPath = join(npDir, "np.d.ts");

interface Bundle {
  module: string;
  entry: string;
}

/** The ambient modules, in the order files are claimed: "np" first. */
function bundles(): Bundle[] {
  const list: Bundle[] = [
    { module: "np", entry: "index.ts" },
    { module: "np/linalg", entry: "linalg.ts" },
  ];
  if (existsSync(join(npDir, "random/index.ts"))) list.push({ module: "np/random", entry: "random/index.ts" });
  return list;
}

/** Declarations for every file reachable from the entries, keyed by path relative to grader/np without extension. */
function emitDeclarations(entries: string[]): Map<string, string> {
  const outDir = join(npDir, "__dts__");
  const program = ts.createProgram(
    entries.map((e) => join(npDir, e)),
    {
      declaration: true,
      emitDeclarationOnly: true,
      strict: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      lib: ["lib.es2023.d.ts"],
      types: [],
      skipLibCheck: true,
      rootDir: npDir,
      outDir,
      removeComments: false,
      // Helpers other np files share are tagged @internal and stay out of the learner's typings.
      stripInternal: true,
    },
  );
  const out = new Map<string, string>();
  const result = program.emit(undefined, (fileName, text) => {
    const rel = relative(outDir, fileName).replace(/\\/g, "/").replace(/\.d\.ts$/, "");
    out.set(rel, text);
  });
  const errors = result.diagnostics.filter((d) => d.category === ts.DiagnosticCategory.Error);
  if (errors.length > 0) throw new Error(ts.formatDiagnostics(errors, ts.createCompilerHost({})));
  return out;
}

function resolveSpecifier(from: string, specifier: string): string {
  return join(dirname(from), specifier).replace(/\\/g, "/").replace(/\/index$/, "/index");
}

function specifierOf(statement: ts.Statement): string | undefined {
  if ((ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) && statement.moduleSpecifier) {
    const spec = statement.moduleSpecifier;
    if (ts.isStringLiteral(spec) && spec.text.startsWith(".")) return spec.text;
  }
  return undefined;
}

function parse(name: string, text: string): ts.SourceFile {
  return ts.createSourceFile(`${name}.d.ts`, text, ts.ScriptTarget.ES2022, true);
}

/** Renders np.d.ts as a string (the script writes it; the test compares it). */
export function renderNpTypings(): string {
  const list = bundles();
  const dts = emitDeclarations(list.map((b) => b.entry));
  const entryOf = new Map(list.map((b) => [b.entry.replace(/\.ts$/, ""), b.module]));
  const owner = new Map<string, string>();
  const members = new Map<string, string[]>();

  // Claim files breadth-first from each entry; another bundle's entry is never claimed.
  for (const b of list) {
    const start = b.entry.replace(/\.ts$/, "");
    const queue = [start];
    const files: string[] = [];
    while (queue.length > 0) {
      const file = queue.shift()!;
      if (owner.has(file) || (file !== start && entryOf.has(file))) continue;
      const text = dts.get(file);
      if (text === undefined) throw new Error(`no declarations emitted for grader/np/${file}.ts`);
      owner.set(file, b.module);
      files.push(file);
      for (const st of parse(file, text).statements) {
        const spec = specifierOf(st);
        if (spec !== undefined) queue.push(resolveSpecifier(file, spec));
      }
    }
    members.set(b.module, files);
  }

  const moduleOf = (file: string): string => {
    const m = entryOf.get(file) ?? owner.get(file);
    if (m === undefined) throw new Error(`grader/np/${file}.ts belongs to no module`);
    return m;
  };

  const blocks = list.map((b) => {
    const entry = b.entry.replace(/\.ts$/, "");
    // Imports from other modules are merged per module: two files importing NDArray from
    // "np" must not declare it twice.
    const imports = new Map<string, Set<string>>();
    // The entry's statements are always kept; a helper file's declaration only when
    // something kept mentions its name (helper files bring every export they have).
    const kept: string[] = [];
    const helpers: { names: string[]; text: string }[] = [];
    for (const file of members.get(b.module) ?? []) {
      const source = parse(file, dts.get(file) ?? "");
      const isEntry = file === entry;
      for (const st of source.statements) {
        if (ts.isImportDeclaration(st)) {
          const spec = specifierOf(st);
          const target = spec === undefined ? undefined : moduleOf(resolveSpecifier(file, spec));
          const bindings = st.importClause?.namedBindings;
          if (target === undefined || !bindings || !ts.isNamedImports(bindings)) {
            throw new Error(`grader/np/${file}.ts: only named imports from grader/np files can be bundled`);
          }
          if (target === b.module) continue;
          const names = imports.get(target) ?? new Set<string>();
          for (const el of bindings.elements) names.add(el.getText(source).replace(/^type\s+/, ""));
          imports.set(target, names);
          continue;
        }
        const text = rewriteStatement(st, source, file, isEntry, b.module, moduleOf);
        if (text.trim() === "") continue;
        if (isEntry) kept.push(text);
        else helpers.push({ names: declaredNames(st), text });
      }
    }
    const body = [...kept];
    let pending = helpers;
    for (;;) {
      const all = body.join("\n");
      const used = pending.filter((h) => h.names.some((n) => mentions(all, n)));
      if (used.length === 0) break;
      body.push(...used.map((h) => h.text));
      pending = pending.filter((h) => !used.includes(h));
    }
    const bodyText = body.join("\n");
    const importLines = [...imports].flatMap(([target, names]) => {
      const usedNames = [...names].filter((n) => mentions(bodyText, n.split(/\s+as\s+/).pop() ?? n)).sort();
      return usedNames.length === 0 ? [] : [`import type { ${usedNames.join(", ")} } from "${target}";`];
    });
    const indented = [...importLines, bodyText]
      .join("\n")
      .split("\n")
      .map((line) => (line.trim() === "" ? "" : `  ${line}`))
      .join("\n");
    return `declare module "${b.module}" {\n${indented}\n}\n`;
  });
  return [
    "// Generated by scripts/build-np-typings.ts from grader/np: do not edit by hand.",
    "// Regenerate with `npx tsx scripts/build-np-typings.ts` after changing the np API.",
    "",
    blocks.join("\n"),
  ].join("\n");
}

/** Names a top-level declaration introduces. */
function declaredNames(st: ts.Statement): string[] {
  if (ts.isVariableStatement(st)) return st.declarationList.declarations.map((d) => d.name.getText());
  if (
    (ts.isFunctionDeclaration(st) || ts.isClassDeclaration(st) || ts.isInterfaceDeclaration(st) ||
      ts.isTypeAliasDeclaration(st) || ts.isEnumDeclaration(st) || ts.isModuleDeclaration(st)) &&
    st.name
  ) {
    return [st.name.getText()];
  }
  return [];
}

function mentions(text: string, name: string): boolean {
  return new RegExp(`(^|[^\\w$])${name.replace(/\$/g, "\\$")}($|[^\\w$])`).test(text);
}

function rewriteStatement(
  st: ts.Statement,
  source: ts.SourceFile,
  file: string,
  isEntry: boolean,
  module: string,
  moduleOf: (file: string) => string,
): string {
  const spec = specifierOf(st);
  if (ts.isExportDeclaration(st)) {
    if (!st.moduleSpecifier) {
      // `export {};` is an emit artefact; a local `export { a as b }` is kept in the entry only.
      const clause = st.exportClause;
      if (!isEntry || (clause && ts.isNamedExports(clause) && clause.elements.length === 0)) return "";
      return st.getText(source);
    }
    if (!isEntry || spec === undefined) return "";
    const target = moduleOf(resolveSpecifier(file, spec));
    if (target !== module) return st.getText(source).replace(/(["'])[^"']+\1;?$/, `"${target}";`);
    if (!st.exportClause || !ts.isNamedExports(st.exportClause)) {
      throw new Error(`grader/np/${file}.ts: "export *" from a file of the same module cannot be bundled`);
    }
    return st.getText(source).replace(/\s*from\s*(["'])[^"']+\1;?$/, ";");
  }
  // Keep the JSDoc; drop `declare` (already ambient) and, outside the entry, `export`.
  const jsDoc = (st as { jsDoc?: ts.JSDoc[] }).jsDoc ?? [];
  const doc = jsDoc.map((d) => d.getText(source)).join("\n");
  let code = st.getText(source);
  code = code.replace(/^(export\s+)?(default\s+)?declare\s+/, "$1$2");
  if (!isEntry) code = code.replace(/^export\s+(default\s+)?/, "");
  return doc === "" ? code : `${doc}\n${code}`;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  writeFileSync(npTypingsPath, renderNpTypings());
  process.stdout.write(`wrote ${npTypingsPath}\n`);
}
