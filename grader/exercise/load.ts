// Loads exercise folders from disk: parses exercise.json with the zod schema, reads the
// statements and TypeScript files, checks that every referenced file exists, and computes the
// exercise version (a content hash of the folder) that verdicts and caches are keyed by.
// Edit when the folder layout changes (and update docs/authoring.md).
import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { ExerciseSpec } from "./schema";

export const DEFAULT_EXERCISES_DIR = resolve(fileURLToPath(new URL("../../exercises", import.meta.url)));

export interface LoadedExercise {
  readonly spec: ExerciseSpec;
  readonly dir: string;
  /** sha256 over every file of the folder (path + content), first 16 hex digits. */
  readonly version: string;
  readonly statement: { readonly ko: string; readonly en: string };
  readonly starter: string;
  readonly solution: string;
  /** Mistake id → source. */
  readonly mistakes: ReadonlyMap<string, string>;
  /** Alternative file name → source. */
  readonly alternatives: ReadonlyMap<string, string>;
  /** Custom check file ("checks/x.ts") → source. */
  readonly checkFiles: ReadonlyMap<string, string>;
}

export class ExerciseLoadError extends Error {
  constructor(
    readonly exerciseId: string,
    readonly problems: readonly string[],
  ) {
    super(`exercise "${exerciseId}": ${problems.join("; ")}`);
  }
}

function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...listFiles(full));
    else out.push(full);
  }
  return out;
}

export function exerciseVersion(dir: string): string {
  const hash = createHash("sha256");
  for (const file of listFiles(dir)) {
    hash.update(relative(dir, file).split("\\").join("/"));
    hash.update("\0");
    hash.update(readFileSync(file));
    hash.update("\0");
  }
  return hash.digest("hex").slice(0, 16);
}

/** Ids of the exercise folders (those holding an exercise.json), sorted. */
export function listExerciseIds(root = DEFAULT_EXERCISES_DIR): string[] {
  if (!existsSync(root)) return [];
  return readdirSync(root)
    .filter((name) => existsSync(join(root, name, "exercise.json")))
    .sort();
}

/** Path, size and modification time of every file: changes whenever the folder's content does. */
function folderSignature(dir: string): string {
  return listFiles(dir)
    .map((file) => {
      const s = statSync(file);
      return `${file}\0${s.size}\0${s.mtimeMs}`;
    })
    .join("\n");
}

const loaded = new Map<string, { signature: string; exercise: LoadedExercise }>();

/**
 * Loads an exercise, reusing the previous load while no file of its folder changed (parsing
 * and hashing cost more than a submission's grading budget allows on every request).
 */
export function loadExercise(id: string, root = DEFAULT_EXERCISES_DIR): LoadedExercise {
  const dir = join(root, id);
  if (/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id) && existsSync(join(dir, "exercise.json"))) {
    const signature = folderSignature(dir);
    const hit = loaded.get(dir);
    if (hit && hit.signature === signature) return hit.exercise;
    const exercise = loadExerciseUncached(id, root);
    loaded.set(dir, { signature, exercise });
    return exercise;
  }
  return loadExerciseUncached(id, root);
}

function loadExerciseUncached(id: string, root: string): LoadedExercise {
  const dir = join(root, id);
  const specPath = join(dir, "exercise.json");
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id) || !existsSync(specPath)) {
    throw new ExerciseLoadError(id, ["no such exercise"]);
  }
  const problems: string[] = [];
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(specPath, "utf8"));
  } catch (error) {
    throw new ExerciseLoadError(id, [`exercise.json is not JSON: ${error instanceof Error ? error.message : String(error)}`]);
  }
  const parsed = ExerciseSpec.safeParse(raw);
  if (!parsed.success) {
    throw new ExerciseLoadError(
      id,
      parsed.error.issues.map((issue) => `exercise.json ${issue.path.join(".") || "(root)"}: ${issue.message}`),
    );
  }
  const spec = parsed.data;
  if (spec.id !== id) problems.push(`exercise.json id "${spec.id}" differs from the folder name "${id}"`);

  const read = (file: string): string => {
    const full = join(dir, file);
    if (!existsSync(full)) {
      problems.push(`missing file ${file}`);
      return "";
    }
    return readFileSync(full, "utf8");
  };
  const statement = { ko: read("statement.ko.md"), en: read("statement.en.md") };
  const starter = read("starter.ts");
  const solution = read("solution.ts");
  const mistakes = new Map(spec.mistakes.map((m) => [m.id, read(m.file)] as const));
  const alternativesDir = join(dir, "alternatives");
  const alternatives = new Map<string, string>();
  if (existsSync(alternativesDir)) {
    for (const name of readdirSync(alternativesDir).sort()) {
      if (name.endsWith(".ts")) alternatives.set(name, readFileSync(join(alternativesDir, name), "utf8"));
    }
  }
  const checkFiles = new Map<string, string>();
  for (const t of [...spec.examples, ...spec.tests]) {
    for (const c of [...(t.checks ?? []), ...spec.checks]) {
      if (c.check === "custom" && !checkFiles.has(c.file)) checkFiles.set(c.file, read(c.file));
    }
  }
  if (problems.length > 0) throw new ExerciseLoadError(id, problems);
  return { spec, dir, version: exerciseVersion(dir), statement, starter, solution, mistakes, alternatives, checkFiles };
}
