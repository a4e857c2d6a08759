// The server's view of the course content, through the grader's public API. Route handlers ask
// this object (not grader/ directly) so that tests can replace a method with vi.spyOn.
import "server-only";
import { findQuizItem, listExercises, loadCourse, type ExerciseSummary, type QuizItem } from "../../grader/index";

export const courseSource = {
  listExercises(): ExerciseSummary[] {
    return listExercises();
  },
  exerciseExists(id: string): boolean {
    return courseSource.findExercise(id) !== undefined;
  },
  findExercise(id: string): ExerciseSummary | undefined {
    return courseSource.listExercises().find((exercise) => exercise.id === id);
  },
  /** The quiz item, undefined when there is no such quiz or item; throws when the course is broken. */
  findQuizItem(quizId: string, itemId: string): QuizItem | undefined {
    return findQuizItem(loadCourse(), quizId, itemId);
  },
};
