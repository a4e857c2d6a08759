// The course: `exercises/course.json` (sections in teaching order, each with its exercises and its
// quiz) and the quizzes it references (`exercises/quizzes/<id>.json`). `loadCourse()` validates the
// whole structure: every referenced exercise folder exists and belongs to that section, every quiz
// parses, nothing is listed twice and no exercise folder is left out of the course.
// Edit when the course structure gains a field (and update docs/authoring.md).
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { DEFAULT_EXERCISES_DIR, listExerciseIds } from "./load";
import { Quiz } from "./quiz";
import { LocalizedText } from "./schema";

const kebabCase = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const CourseSection = z
  .object({
    id: z.string().regex(kebabCase).describe("Kebab-case section id; exercises name it in their `section`"),
    title: LocalizedText.describe("Section title"),
    intro: LocalizedText.describe("One paragraph: what the section teaches and why it matters (Markdown + LaTeX)"),
    exercises: z
      .array(z.string().regex(kebabCase))
      .describe("Exercise ids (folder names) in the suggested order"),
    quiz: z
      .string()
      .regex(kebabCase)
      .nullable()
      .describe("Id of the section quiz (exercises/quizzes/<id>.json), or null for a section without one"),
  })
  .strict()
  .describe("One section of the course");
export type CourseSection = z.infer<typeof CourseSection>;

export const CourseSpec = z
  .object({
    $schema: z.string().optional().describe("Path of a JSON Schema, for editors"),
    id: z.string().regex(kebabCase).describe("Kebab-case course id"),
    title: LocalizedText.describe("Course title"),
    intro: LocalizedText.describe("What a learner can do after the course"),
    sections: z.array(CourseSection).min(1).describe("Sections in teaching order"),
  })
  .strict()
  .describe("The course: exercises/course.json");
export type CourseSpec = z.infer<typeof CourseSpec>;

export interface Course {
  readonly spec: CourseSpec;
  /** Quiz id → quiz, for every section that has one. */
  readonly quizzes: ReadonlyMap<string, Quiz>;
}

export class CourseLoadError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`course: ${problems.join("; ")}`);
  }
}

// Only the field the course needs; the full spec is validated by loadExercise (grader/exercise/load.ts).
const ExerciseSection = z.object({ section: z.string() });

function readJson(path: string, problems: string[]): unknown {
  try {
    return JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    problems.push(`${path} is not JSON: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
}

function zodProblems(file: string, error: z.ZodError): string[] {
  return error.issues.map((issue) => `${file} ${issue.path.join(".") || "(root)"}: ${issue.message}`);
}

/** Loads and cross-checks course.json and its quizzes; throws CourseLoadError listing every problem. */
export function loadCourse(root = DEFAULT_EXERCISES_DIR): Course {
  const coursePath = join(root, "course.json");
  if (!existsSync(coursePath)) throw new CourseLoadError([`missing ${coursePath}`]);
  const problems: string[] = [];
  const raw = readJson(coursePath, problems);
  if (raw === undefined) throw new CourseLoadError(problems);
  const parsed = CourseSpec.safeParse(raw);
  if (!parsed.success) throw new CourseLoadError(zodProblems("course.json", parsed.error));
  const spec = parsed.data;

  const sectionIds = new Set<string>();
  const listed = new Set<string>();
  const quizzes = new Map<string, Quiz>();
  for (const section of spec.sections) {
    if (sectionIds.has(section.id)) problems.push(`section "${section.id}" is listed twice`);
    sectionIds.add(section.id);

    for (const id of section.exercises) {
      if (listed.has(id)) problems.push(`exercise "${id}" is listed twice`);
      listed.add(id);
      const specPath = join(root, id, "exercise.json");
      if (!existsSync(specPath)) {
        problems.push(`section "${section.id}": exercise "${id}" has no folder exercises/${id}/exercise.json`);
        continue;
      }
      const exercise = ExerciseSection.safeParse(readJson(specPath, problems));
      if (exercise.success && exercise.data.section !== section.id) {
        problems.push(`exercise "${id}" says section "${exercise.data.section}" but course.json lists it in "${section.id}"`);
      } else if (!exercise.success) {
        problems.push(...zodProblems(`${id}/exercise.json`, exercise.error));
      }
    }

    if (section.quiz !== null) {
      if (quizzes.has(section.quiz)) problems.push(`quiz "${section.quiz}" is used by two sections`);
      const quizPath = join(root, "quizzes", `${section.quiz}.json`);
      if (!existsSync(quizPath)) {
        problems.push(`section "${section.id}": missing quiz exercises/quizzes/${section.quiz}.json`);
        continue;
      }
      const quiz = Quiz.safeParse(readJson(quizPath, problems));
      if (!quiz.success) {
        problems.push(...zodProblems(`quizzes/${section.quiz}.json`, quiz.error));
        continue;
      }
      if (quiz.data.id !== section.quiz) problems.push(`quizzes/${section.quiz}.json has id "${quiz.data.id}"`);
      quizzes.set(section.quiz, quiz.data);
    }
  }

  for (const id of listExerciseIds(root)) {
    if (!listed.has(id)) problems.push(`exercise "${id}" is in no section of course.json`);
  }
  if (problems.length > 0) throw new CourseLoadError(problems);
  return { spec, quizzes };
}

/** The quiz item with this id, or undefined (for the quiz-answer API route). */
export function findQuizItem(course: Course, quizId: string, itemId: string): Quiz["items"][number] | undefined {
  return course.quizzes.get(quizId)?.items.find((item) => item.id === itemId);
}
