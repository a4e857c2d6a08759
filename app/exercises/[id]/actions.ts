// Server action behind "Show the reference solution": the solution leaves the server only for a
// signed-in learner who solved the exercise, or who reached its visibleSolutionAfterAttempts.
"use server";
import { z } from "zod";
import { createGrader } from "@/lib/server/grader";
import { selectProgressByUser } from "@/lib/server/data/progress";
import { currentUser } from "@/lib/server/viewer.server";

const ExerciseId = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/).max(100);
const grader = createGrader();

export async function revealSolution(exerciseId: string): Promise<{ ok: true; code: string } | { ok: false }> {
  const id = ExerciseId.safeParse(exerciseId);
  const user = await currentUser();
  if (!id.success || user === null) return { ok: false };
  let exercise;
  try {
    exercise = grader.loadExercise(id.data);
  } catch {
    return { ok: false };
  }
  const progress = (await selectProgressByUser(user.id)).find((row) => row.exerciseId === id.data);
  const after = exercise.spec.visibleSolutionAfterAttempts;
  const allowed = progress !== undefined && (progress.status === "passed" || (after !== null && progress.attempts >= after));
  return allowed ? { ok: true, code: exercise.solution } : { ok: false };
}
