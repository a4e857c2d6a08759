// Renders the JSON Schema of exercise.json from the zod schema, for editors (VS Code validates
// exercise.json through its "$schema" property). Shared by the generator script and the
// staleness test so both produce byte-identical output.
import { z } from "zod";
import { ExerciseSpec } from "./schema";

export function renderExerciseJsonSchema(): string {
  // io: "input" describes what an author writes (defaults make fields optional).
  const schema = z.toJSONSchema(ExerciseSpec, { io: "input", unrepresentable: "any" });
  return `${JSON.stringify({ ...schema, title: "Backprop Lab exercise" }, null, 2)}\n`;
}
