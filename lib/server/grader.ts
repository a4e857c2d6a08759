// The app's one door into the grader: app/ never imports grader/ (npm run lint enforces it, see
// eslint.config.js), it imports what it needs from here. Re-exports grader/index.ts only; edit
// when a page or a route handler needs more of the grader's public API.
import "server-only";

export {
  createGrader,
  DEFAULT_MAX_CODE_BYTES,
  EXPLANATION_AFTER_TRIES,
  explanationUnlocked,
  gradeQuizAnswer,
  loadCourse,
  toPublicQuiz,
  type PublicExercise,
} from "../../grader/index";
