// Generates exercises/exercise.schema.json (the JSON Schema editors use to validate exercise.json)
// from the zod schema in grader/exercise/schema.ts. Run after editing the schema:
//   npx tsx scripts/generate-exercise-schema.ts
// grader/exercise/schema.test.ts fails when the committed file is stale.
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { renderExerciseJsonSchema } from "../grader/exercise/json-schema";

const target = fileURLToPath(new URL("../exercises/exercise.schema.json", import.meta.url));
writeFileSync(target, renderExerciseJsonSchema());
process.stdout.write(`wrote ${target}\n`);
