// Source-level mutation of reference solutions for `lab check`: each mutant is the solution
// with one typical learner slip (swapped + − × ÷, a dropped factor such as 1/m, a removed or
// added .T, another axis, a lost keepdims, swapped arguments). A mutant the exercise's tests
// still score 1 reveals a weak test. Uses the TypeScript compiler API to find the sites, then
// splices the text, so mutants keep the author's formatting. Edit to add a mutation operator.
import ts from "typescript";

export interface Mutant {
  /** Stable description used in reports and in exercise.json `mutation.ignore`, e.g. "7:31 add → subtract". */
  readonly description: string;
  readonly source: string;
}

interface Edit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly what: string;
}

const SWAPPED_FUNCTIONS: Record<string, readonly string[]> = {
  add: ["subtract", "multiply"],
  subtract: ["add", "divide"],
  multiply: ["divide", "add"],
  divide: ["multiply", "subtract"],
  // Methods of NDArray.
  sub: ["add"],
  mul: ["div"],
  div: ["mul"],
  dot: [],
  matmul: [],
  sum: ["mean"],
  mean: ["sum"],
  maximum: ["minimum"],
  minimum: ["maximum"],
  greater_equal: ["less_equal"],
  less: ["greater"],
  exp: [],
};

const SWAPPED_OPERATORS: Partial<Record<ts.SyntaxKind, readonly ts.SyntaxKind[]>> = {
  [ts.SyntaxKind.PlusToken]: [ts.SyntaxKind.MinusToken],
  [ts.SyntaxKind.MinusToken]: [ts.SyntaxKind.PlusToken],
  [ts.SyntaxKind.AsteriskToken]: [ts.SyntaxKind.SlashToken],
  [ts.SyntaxKind.SlashToken]: [ts.SyntaxKind.AsteriskToken],
};

/** Calls whose two arguments do not commute: swapping them is a classic slip. */
const NON_COMMUTATIVE = new Set(["dot", "matmul", "subtract", "divide", "power"]);

/** One-argument functions a learner forgets: np.negative(x) → x, np.abs(x) → x. */
const DROPPABLE = new Set(["negative", "abs", "tanh", "exp"]);

/** The callee name of np.f(...) or x.f(...). */
function calleeName(call: ts.CallExpression): string | null {
  return ts.isPropertyAccessExpression(call.expression) ? call.expression.name.text : null;
}

function isNpCall(call: ts.CallExpression): boolean {
  const e = call.expression;
  return ts.isPropertyAccessExpression(e) && ts.isIdentifier(e.expression) && e.expression.text === "np";
}

/** `1 / m`, `m`, `1 / X.shape[1]`: a normalising factor that a learner forgets. */
function looksLikeScale(node: ts.Expression, source: ts.SourceFile): boolean {
  const text = node.getText(source);
  return /^(1\s*\/\s*)?[A-Za-z_][\w.[\]]*$/.test(text) && !/^np\./.test(text) && /\bm\b|shape/.test(text);
}

export function mutateSolution(source: string, filename = "solution.ts"): Mutant[] {
  const file = ts.createSourceFile(filename, source, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const edits: Edit[] = [];
  const text = (node: ts.Node) => node.getText(file);

  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node)) {
      const name = calleeName(node);
      const access = node.expression;
      if (name && ts.isPropertyAccessExpression(access)) {
        for (const other of SWAPPED_FUNCTIONS[name] ?? []) {
          edits.push({ start: access.name.getStart(file), end: access.name.getEnd(), text: other, what: `${name} → ${other}` });
        }
      }
      const [a, b] = node.arguments;
      if (name && a && b && node.arguments.length >= 2 && NON_COMMUTATIVE.has(name) && isNpCall(node)) {
        edits.push({
          start: a.getStart(file),
          end: b.getEnd(),
          text: `${text(b)}, ${text(a)}`,
          what: `np.${name}(${text(a)}, ${text(b)}) → arguments swapped`,
        });
      }
      // np.where(c, x, y): swapping the branches is the slip, not the condition.
      const c = node.arguments[2];
      if (name === "where" && b && c && isNpCall(node)) {
        edits.push({ start: b.getStart(file), end: c.getEnd(), text: `${text(c)}, ${text(b)}`, what: "np.where branches swapped" });
      }
      if (name && DROPPABLE.has(name) && a && node.arguments.length === 1 && isNpCall(node)) {
        edits.push({ start: node.getStart(file), end: node.getEnd(), text: text(a), what: `dropped np.${name}` });
      }
      // Dropped factor: np.multiply(1 / m, X) → X, np.divide(X, m) → X, X.div(m) → X.
      if (name === "multiply" && a && b && isNpCall(node)) {
        if (looksLikeScale(a, file)) edits.push({ start: node.getStart(file), end: node.getEnd(), text: text(b), what: `dropped factor ${text(a)}` });
        else if (looksLikeScale(b, file)) edits.push({ start: node.getStart(file), end: node.getEnd(), text: text(a), what: `dropped factor ${text(b)}` });
      }
      if (name === "divide" && a && b && isNpCall(node) && looksLikeScale(b, file)) {
        edits.push({ start: node.getStart(file), end: node.getEnd(), text: text(a), what: `dropped division by ${text(b)}` });
      }
      if ((name === "div" || name === "mul") && a && ts.isPropertyAccessExpression(access) && looksLikeScale(a, file)) {
        edits.push({ start: node.getStart(file), end: node.getEnd(), text: text(access.expression), what: `dropped .${name}(${text(a)})` });
      }
      // Added .T on a plain identifier argument of a matrix product.
      if ((name === "dot" || name === "matmul") && isNpCall(node)) {
        for (const arg of node.arguments) {
          if (ts.isIdentifier(arg)) edits.push({ start: arg.getEnd(), end: arg.getEnd(), text: ".T", what: `added .T to ${text(arg)}` });
        }
      }
    }
    // Removed .T.
    if (ts.isPropertyAccessExpression(node) && node.name.text === "T") {
      edits.push({ start: node.expression.getEnd(), end: node.getEnd(), text: "", what: `removed .T from ${text(node.expression)}` });
    }
    // Another axis, a lost keepdims.
    if (ts.isPropertyAssignment(node) && ts.isIdentifier(node.name)) {
      if (node.name.text === "axis" && ts.isNumericLiteral(node.initializer)) {
        const other = node.initializer.text === "0" ? "1" : "0";
        edits.push({ start: node.initializer.getStart(file), end: node.initializer.getEnd(), text: other, what: `axis: ${node.initializer.text} → ${other}` });
      }
      if (node.name.text === "keepdims" && node.initializer.kind === ts.SyntaxKind.TrueKeyword) {
        edits.push({ start: node.initializer.getStart(file), end: node.initializer.getEnd(), text: "false", what: "keepdims: true → false" });
      }
    }
    // Swapped arithmetic operators in plain expressions (scalars such as 1 / m).
    if (ts.isBinaryExpression(node)) {
      for (const other of SWAPPED_OPERATORS[node.operatorToken.kind] ?? []) {
        const symbol = ts.tokenToString(other) ?? "?";
        edits.push({
          start: node.operatorToken.getStart(file),
          end: node.operatorToken.getEnd(),
          text: symbol,
          what: `${node.operatorToken.getText(file)} → ${symbol} in ${text(node)}`,
        });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);

  const seen = new Set<string>();
  const mutants: Mutant[] = [];
  for (const edit of edits.sort((x, y) => x.start - y.start || x.end - y.end)) {
    const mutated = source.slice(0, edit.start) + edit.text + source.slice(edit.end);
    if (mutated === source || seen.has(mutated)) continue;
    seen.add(mutated);
    const { line, character } = file.getLineAndCharacterOfPosition(edit.start);
    mutants.push({ description: `${line + 1}:${character + 1} ${edit.what}`, source: mutated });
  }
  return mutants;
}
