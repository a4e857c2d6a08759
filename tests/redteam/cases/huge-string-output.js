// 60 bytes of code, a 15-million-character result: under the value budget, so it crosses the
// boundary; what a verdict stores of it is capped (grader/grading/values.ts toShown).
export function f() {
  return "x".repeat(15_000_000);
}
