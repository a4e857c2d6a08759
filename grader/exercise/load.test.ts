// Loading exercise folders: problems are reported precisely, the version follows the content,
// and a cached load is never served after a file changed.
import { cpSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { ExerciseLoadError, listExerciseIds, loadExercise } from "./load";

const exercises = fileURLToPath(new URL("../../exercises", import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), "load-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function copy(name: string): string {
  const root = join(scratch, name);
  cpSync(join(exercises, "sigmoid"), join(root, "sigmoid"), { recursive: true });
  return root;
}

describe("loadExercise", () => {
  it("loads the files of the folder", () => {
    const e = loadExercise("sigmoid");
    expect(e.spec.entry).toBe("sigmoid");
    expect(e.statement.ko).toContain("시그모이드");
    expect([...e.mistakes.keys()]).toEqual(e.spec.mistakes.map((m) => m.id));
    expect([...e.alternatives.keys()]).toContain("tanh-identity.ts");
    expect(e.version).toMatch(/^[0-9a-f]{16}$/);
  });

  it("changes the version when any file changes, and serves the new content", () => {
    const root = copy("version");
    const before = loadExercise("sigmoid", root);
    expect(loadExercise("sigmoid", root)).toBe(before);
    writeFileSync(join(root, "sigmoid", "statement.en.md"), "# A different statement\n");
    const after = loadExercise("sigmoid", root);
    expect(after.version).not.toBe(before.version);
    expect(after.statement.en).toBe("# A different statement\n");
  });

  it("names every missing file and a folder/id mismatch", () => {
    const root = copy("missing");
    unlinkSync(join(root, "sigmoid", "starter.ts"));
    unlinkSync(join(root, "sigmoid", "mistakes", "sign-error.ts"));
    const error = (() => {
      try {
        loadExercise("sigmoid", root);
      } catch (e) {
        return e;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(ExerciseLoadError);
    expect((error as ExerciseLoadError).problems).toEqual(["missing file starter.ts", "missing file mistakes/sign-error.ts"]);
    cpSync(join(root, "sigmoid"), join(root, "sigmoid-copy"), { recursive: true });
    expect(() => loadExercise("sigmoid-copy", root)).toThrow('id "sigmoid" differs from the folder name "sigmoid-copy"');
  });

  it("refuses ids that are not exercise folders", () => {
    expect(() => loadExercise("../package")).toThrow("no such exercise");
    expect(() => loadExercise("nope")).toThrow("no such exercise");
    expect(listExerciseIds()).toContain("backward-propagation");
  });
});
