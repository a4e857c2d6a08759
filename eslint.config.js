// Type-aware lint for the whole repository, and the import boundaries of docs/architecture.md
// ("may import"): a violation fails `npm run lint`. tests/lint/import-boundaries.test.ts proves each
// boundary rule catches a deliberate violation. Edit with the table in docs/architecture.md.
import path from "node:path";
import tseslint from "typescript-eslint";

const root = import.meta.dirname;

// An import specifier reaching into grader/ (`@/grader/…` or `../../grader/…`).
const intoGrader = "^(@/|(\\.\\.?/)+)grader(/|$)";
// …anywhere but its two public doors: grader/index.ts (server) and grader/browser.ts (np runtime,
// browser-safe). Everything else in grader/ is internal.
const pastGraderDoors = "^(@/|(\\.\\.?/)+)grader/(?!(index|browser)$)";
const graderDoorsOnly = {
  regex: pastGraderDoors,
  message: "Outside grader/, import grader/index.ts (server) or grader/browser.ts (browser-safe) only; re-export what you need there.",
};

const tests = ["**/*.test.ts", "**/*.test.tsx"];

/** True when an import specifier of `filename` names lib/server/ (or the server-only marker). */
function namesLibServer(source, filename) {
  if (source === "server-only") return true;
  let target;
  if (source.startsWith("@/")) target = path.join(root, source.slice(2));
  else if (source.startsWith(".")) target = path.resolve(path.dirname(filename), source);
  else return false;
  const relative = path.relative(path.join(root, "lib", "server"), target);
  return relative === "" || (!relative.startsWith("..") && !path.isAbsolute(relative));
}

// A "use client" module is bundled for the browser: it must never reach lib/server/ (secrets,
// the database, the grader's Node half), not even for types. ESLint's file globs cannot see the
// directive, hence this small rule.
const noServerInClient = {
  meta: {
    type: "problem",
    docs: { description: 'Forbids imports of lib/server/ and server-only in "use client" modules' },
    messages: { server: '"use client" modules never import lib/server/ ("{{source}}"): pass the data down from a server component or a route.' },
    schema: [],
  },
  create(context) {
    const first = context.sourceCode.ast.body[0];
    const isClient = first?.type === "ExpressionStatement" && first.directive === "use client";
    if (!isClient) return {};
    const check = (node) => {
      const source = node.source;
      if (source?.type === "Literal" && typeof source.value === "string" && namesLibServer(source.value, context.filename)) {
        context.report({ node, messageId: "server", data: { source: source.value } });
      }
    };
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check, ImportExpression: check };
  },
};

export default tseslint.config(
  { ignores: ["node_modules/", ".next/", "dist/", "data/", "exercises/", "next-env.d.ts", "**/*.js", "**/*.mjs", "**/*.cjs", "tests/fixtures/", "lib/generated/"] },
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: root } },
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "error",
    },
  },
  // Boundaries. One config object per group of files: a later object matching the same file
  // replaces the rule's options, so each group lists all of its patterns. Tests, bench/, scripts/,
  // bin/ and tests/ are tools and may import anything.
  {
    files: ["app/**/*.ts", "app/**/*.tsx"],
    ignores: tests,
    rules: {
      "@typescript-eslint/no-restricted-imports": ["error", {
        patterns: [{ regex: intoGrader, message: "app/ never imports grader/: use lib/server/grader.ts (or another lib module)." }],
      }],
    },
  },
  {
    files: ["lib/**/*.ts", "lib/**/*.tsx"],
    ignores: tests,
    rules: { "@typescript-eslint/no-restricted-imports": ["error", { patterns: [graderDoorsOnly] }] },
  },
  {
    // Browser-side lib: the UI pieces and the in-browser Run. Server loaders belong in lib/server/.
    files: ["lib/ui/**/*.ts", "lib/ui/**/*.tsx", "lib/run/**/*.ts", "lib/run/**/*.tsx"],
    // Exception, to be moved to lib/server/ with the quiz work in flight (docs/architecture.md).
    ignores: [...tests, "lib/ui/quiz/feedback.server.ts"],
    rules: {
      "@typescript-eslint/no-restricted-imports": ["error", {
        paths: [{ name: "server-only", message: "Server modules live in lib/server/, not lib/ui/ or lib/run/." }],
        patterns: [
          graderDoorsOnly,
          {
            regex: "^(@/|(\\.\\.?/)+)grader/index$",
            allowTypeImports: true,
            message: "grader/index.ts reaches Node APIs: browser code imports its types only (values from grader/browser.ts).",
          },
          { regex: "^(@/lib/|(\\.\\./)+)server(/|$)", message: "lib/ui/ and lib/run/ never import lib/server/." },
        ],
      }],
    },
  },
  {
    files: ["grader/**/*.ts"],
    rules: {
      "@typescript-eslint/no-restricted-imports": ["error", {
        patterns: [{ regex: "^(@/|(\\.\\./)+)(lib|app)(/|$)", message: "grader/ is usable alone: it never imports lib/ or app/." }],
      }],
    },
  },
  {
    files: ["app/**/*.ts", "app/**/*.tsx", "lib/**/*.ts", "lib/**/*.tsx"],
    plugins: { boundaries: { rules: { "no-server-in-client": noServerInClient } } },
    rules: { "boundaries/no-server-in-client": "error" },
  },
);
