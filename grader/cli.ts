// The grading commands of `npm run -s lab -- <command>` (bin/lab.ts routes here):
//   grade <exercise-id> <file> [--seed N] [--locale ko|en] [--json] [--author]   (--author: hidden expected values exact)
//   run <file>                     console output of a module, run in the sandbox
//   list [--json]
//   check [exercise-id...] [--no-mutants]
// Exit codes: 0 when the command worked (for grade: whenever a verdict was produced, whatever it
// says, even a graderError one), 1 when `check` finds problems or `run` fails, 2 for usage errors or an unknown
// exercise. Edit to add a grading command.
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { parseArgs } from "node:util";
import { ExerciseLoadError } from "./exercise/load";
import type { Verdict } from "./grading/verdict";
import { createGrader, type Grader, type GraderOptions } from "./index";

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
}

const processIo: CliIo = {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
};

const USAGE = `usage: lab <command>
  grade <exercise-id> <file> [--seed N] [--locale ko|en] [--json] [--author]
  run <file>
  list [--json]
  check [exercise-id...] [--no-mutants]
`;

class UsageError extends Error {}

function readSource(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch {
    throw new UsageError(`cannot read ${file}`);
  }
}

function formatVerdict(v: Verdict): string {
  const lines: string[] = [];
  const mark = { pass: "✓", fail: "✗", error: "!" } as const;
  lines.push(`${v.exercise}: ${v.status.toUpperCase()}  score ${v.score}  (seed ${v.seed}, ${v.durationMs} ms)`);
  if (v.error) {
    const where = v.error.line === undefined ? "" : ` at line ${v.error.line}${v.error.column === undefined ? "" : `:${v.error.column}`}`;
    lines.push(`  ${v.error.kind}${where}: ${v.error.message}`);
  }
  for (const t of v.tests) {
    lines.push(`  ${mark[t.status]} ${t.name}${t.title ? ` — ${t.title}` : ""}${t.visible ? "" : " (hidden)"}`);
    if (t.status !== "pass") lines.push(`      ${t.message}`);
  }
  for (const m of v.misconceptions) lines.push(`  ⚑ ${m.id}: ${m.message}`);
  if (v.diagnosis) lines.push(`  ➜ ${v.diagnosis}`);
  if (v.gradientCheck) {
    const per = Object.entries(v.gradientCheck.perParameter)
      .map(([k, d]) => `${k} ${d.toExponential(2)}`)
      .join(", ");
    lines.push(`  gradient check: ${v.gradientCheck.difference.toExponential(2)} (${per})`);
  }
  if (v.stdout) lines.push("  console:", ...v.stdout.trimEnd().split("\n").map((l) => `    ${l}`));
  return `${lines.join("\n")}\n`;
}

async function grade(grader: Grader, args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { seed: { type: "string" }, locale: { type: "string" }, json: { type: "boolean" }, author: { type: "boolean" } },
  });
  const [exerciseId, file, ...extra] = positionals;
  if (!exerciseId || !file || extra.length > 0) throw new UsageError("grade needs <exercise-id> <file>");
  const seed = values.seed === undefined ? undefined : Number(values.seed);
  if (seed !== undefined && (!Number.isInteger(seed) || seed < 0 || seed >= 2 ** 31)) throw new UsageError(`--seed must be an integer in [0, 2^31), got ${values.seed}`);
  const locale = values.locale ?? "en";
  if (locale !== "ko" && locale !== "en") throw new UsageError(`--locale must be ko or en, got ${locale}`);
  if (!grader.listExercises().some((e) => e.id === exerciseId)) {
    // Distinguish a typo from a broken exercise: loading says which.
    grader.loadExercise(exerciseId);
  }
  // --author: hidden tests' expected values exactly, as `lab check` shows them to an author.
  const audience = values.author ? "author" : "learner";
  const verdict = await grader.gradeSubmission({ exerciseId, code: readSource(file), locale, audience, ...(seed === undefined ? {} : { seed }) });
  io.stdout(values.json ? `${JSON.stringify(verdict)}\n` : formatVerdict(verdict));
  // A verdict was produced, even one saying the grader failed (graderError): the caller reads it.
  return 0;
}

async function run(grader: Grader, args: string[], io: CliIo): Promise<number> {
  const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
  const [file, ...extra] = positionals;
  if (!file || extra.length > 0) throw new UsageError("run needs <file>");
  const result = await grader.runModule(readSource(file), basename(file));
  io.stdout(result.stdout);
  if (result.error) {
    const where = result.error.line === undefined ? "" : ` (line ${result.error.line}${result.error.column === undefined ? "" : `:${result.error.column}`})`;
    io.stderr(`${result.error.kind}${where}: ${result.error.message}\n`);
    return 1;
  }
  return 0;
}

function list(grader: Grader, args: string[], io: CliIo): number {
  const { values } = parseArgs({ args, options: { json: { type: "boolean" } } });
  const exercises = grader.listExercises().sort((a, b) => a.section.localeCompare(b.section) || a.order - b.order);
  if (values.json) io.stdout(`${JSON.stringify(exercises)}\n`);
  else for (const e of exercises) io.stdout(`${e.section.padEnd(24)} ${String(e.order).padStart(2)}  ${e.id.padEnd(32)} ${e.title.en} / ${e.title.ko}\n`);
  return 0;
}

async function check(grader: Grader, args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { "no-mutants": { type: "boolean" } } });
  // Loaded here only: mutation testing pulls in the TypeScript compiler, seconds to import.
  const { checkExercise } = await import("./grading/check-exercise");
  const { listExerciseIds } = await import("./exercise/load");
  const ids = positionals.length > 0 ? positionals : listExerciseIds(grader.exercisesDir);
  let failed = 0;
  for (const id of ids) {
    let report;
    try {
      report = await checkExercise(grader.engine, grader.loadExercise(id), { mutants: values["no-mutants"] !== true });
    } catch (error) {
      if (!(error instanceof ExerciseLoadError)) throw error;
      failed += 1;
      io.stdout(`✗ ${id}\n${error.problems.map((p) => `    ${p}`).join("\n")}\n`);
      continue;
    }
    const m = report.mutants;
    const mutantLine = m.total === 0 ? "" : `  mutants ${m.caught}/${m.total} caught${m.ignored.length ? `, ${m.ignored.length} ignored` : ""}`;
    io.stdout(`${report.problems.length === 0 ? "✓" : "✗"} ${id}${mutantLine}\n`);
    for (const p of report.problems) io.stdout(`    ${p}\n`);
    for (const n of report.notes) io.stdout(`    note: ${n}\n`);
    if (report.problems.length > 0) failed += 1;
  }
  io.stdout(`${ids.length - failed}/${ids.length} exercises sound\n`);
  return failed === 0 ? 0 : 1;
}

export async function runGraderCli(argv: string[], io: CliIo = processIo, options: GraderOptions = {}): Promise<number> {
  const [command, ...rest] = argv;
  const grader = createGrader(options);
  try {
    switch (command) {
      case "grade":
        return await grade(grader, rest, io);
      case "run":
        return await run(grader, rest, io);
      case "list":
        return list(grader, rest, io);
      case "check":
        return await check(grader, rest, io);
      case undefined:
      case "help":
      case "--help":
        io.stdout(USAGE);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (error) {
    if (error instanceof UsageError || (error instanceof TypeError && "code" in error && String(error.code).startsWith("ERR_PARSE_ARGS"))) {
      io.stderr(`lab: ${error.message}\n${USAGE}`);
      return 2;
    }
    if (error instanceof ExerciseLoadError) {
      io.stderr(`lab: ${error.message}\n`);
      return 2;
    }
    throw error;
  } finally {
    await grader.close();
  }
}
