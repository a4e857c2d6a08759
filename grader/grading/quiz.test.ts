// Quiz grading: each item kind, the documented partial-credit rule, tolerances, locales and
// answers of the wrong kind.
import { describe, expect, it } from "vitest";
import { QuizItem } from "../exercise/quiz";
import { gradeQuizAnswer } from "./quiz";

const t = (en: string, ko = `${en} (ko)`) => ({ ko, en });

const outputActivation = QuizItem.parse({
  kind: "multiple-choice",
  id: "output-activation",
  prompt: t("Output activation for a binary classifier?"),
  explanation: t("The sigmoid outputs a probability in (0, 1).", "시그모이드는 (0, 1) 사이의 확률을 냅니다."),
  choices: [
    { id: "sigmoid", text: t("sigmoid") },
    { id: "tanh", text: t("tanh"), feedback: t("tanh ranges over (-1, 1).") },
    { id: "relu", text: t("ReLU") },
  ],
  answer: "sigmoid",
});

const nonLinear = QuizItem.parse({
  kind: "multiple-answer",
  id: "non-linear",
  prompt: t("Which are non-linear?"),
  explanation: t("Only the identity is linear."),
  choices: [
    { id: "relu", text: t("ReLU") },
    { id: "tanh", text: t("tanh") },
    { id: "sigmoid", text: t("sigmoid") },
    { id: "identity", text: t("identity"), feedback: t("g(z) = z is linear.") },
  ],
  answers: ["relu", "tanh", "sigmoid"],
});

const tanhDerivative = QuizItem.parse({
  kind: "numeric",
  id: "tanh-derivative",
  prompt: t("tanh'(z) when a = 0.5?"),
  explanation: t("1 − a² = 0.75"),
  answer: 0.75,
  tolerance: { absolute: 1e-3 },
});

describe("gradeQuizAnswer: multiple choice", () => {
  it("gives full credit for the right choice and the explanation in the locale", () => {
    const grade = gradeQuizAnswer(outputActivation, { kind: "multiple-choice", choice: "sigmoid" }, "ko");
    expect(grade).toEqual({
      correct: true,
      score: 1,
      explanation: "시그모이드는 (0, 1) 사이의 확률을 냅니다.",
      correctAnswer: { value: "sigmoid", text: "sigmoid (ko)" },
      feedback: [],
    });
  });

  it("gives no credit for a wrong choice and shows that choice's feedback", () => {
    const grade = gradeQuizAnswer(outputActivation, { kind: "multiple-choice", choice: "tanh" }, "en");
    expect(grade.correct).toBe(false);
    expect(grade.score).toBe(0);
    expect(grade.explanation).toBe("The sigmoid outputs a probability in (0, 1).");
    expect(grade.feedback).toEqual([{ choice: "tanh", text: "tanh ranges over (-1, 1)." }]);
  });

  it("treats an unknown choice id and an answer of another kind as wrong", () => {
    expect(gradeQuizAnswer(outputActivation, { kind: "multiple-choice", choice: "softmax" }, "en").score).toBe(0);
    expect(gradeQuizAnswer(outputActivation, { kind: "numeric", value: 1 }, "en").correct).toBe(false);
  });
});

describe("gradeQuizAnswer: multiple answer", () => {
  it("is correct only for the exact set, in any order", () => {
    const grade = gradeQuizAnswer(nonLinear, { kind: "multiple-answer", choices: ["sigmoid", "relu", "tanh"] }, "en");
    expect(grade.correct).toBe(true);
    expect(grade.score).toBe(1);
    expect(grade.correctAnswer.value).toEqual(["relu", "tanh", "sigmoid"]);
  });

  it("gives (right − wrong) / #right partial credit", () => {
    const twoOfThree = gradeQuizAnswer(nonLinear, { kind: "multiple-answer", choices: ["relu", "tanh"] }, "en");
    expect(twoOfThree.correct).toBe(false);
    expect(twoOfThree.score).toBeCloseTo(2 / 3, 12);

    const withSlip = gradeQuizAnswer(nonLinear, { kind: "multiple-answer", choices: ["relu", "tanh", "identity"] }, "en");
    expect(withSlip.correct).toBe(false);
    expect(withSlip.score).toBeCloseTo(1 / 3, 12);
    expect(withSlip.feedback).toEqual([{ choice: "identity", text: "g(z) = z is linear." }]);
  });

  it("lets each wrong pick cancel a right one, and never goes below 0", () => {
    const all = gradeQuizAnswer(nonLinear, { kind: "multiple-answer", choices: ["relu", "tanh", "sigmoid", "identity"] }, "en");
    expect(all.correct).toBe(false);
    expect(all.score).toBeCloseTo(2 / 3, 12);
    expect(gradeQuizAnswer(nonLinear, { kind: "multiple-answer", choices: [] }, "en").score).toBe(0);
    expect(gradeQuizAnswer(nonLinear, { kind: "multiple-answer", choices: ["identity", "bogus"] }, "en").score).toBe(0);
  });

  it("counts a repeated pick once", () => {
    const grade = gradeQuizAnswer(nonLinear, { kind: "multiple-answer", choices: ["relu", "relu", "tanh", "sigmoid"] }, "en");
    expect(grade.correct).toBe(true);
  });
});

describe("gradeQuizAnswer: numeric", () => {
  it("accepts values within the absolute tolerance, inclusive", () => {
    expect(gradeQuizAnswer(tanhDerivative, { kind: "numeric", value: 0.75 }, "en").correct).toBe(true);
    expect(gradeQuizAnswer(tanhDerivative, { kind: "numeric", value: 0.7505 }, "en").correct).toBe(true);
    expect(gradeQuizAnswer(tanhDerivative, { kind: "numeric", value: 0.752 }, "en").correct).toBe(false);
    expect(gradeQuizAnswer(tanhDerivative, { kind: "numeric", value: 0.25 }, "en").score).toBe(0);
  });

  it("accepts values within the relative tolerance", () => {
    const big = QuizItem.parse({ ...tanhDerivative, answer: 400, tolerance: { relative: 0.01 } });
    expect(gradeQuizAnswer(big, { kind: "numeric", value: 403.9 }, "en").correct).toBe(true);
    expect(gradeQuizAnswer(big, { kind: "numeric", value: 404.1 }, "en").correct).toBe(false);
  });

  it("rejects NaN and infinities", () => {
    const loose = QuizItem.parse({ ...tanhDerivative, tolerance: { absolute: 1e300 } });
    expect(gradeQuizAnswer(loose, { kind: "numeric", value: Number.NaN }, "en").correct).toBe(false);
    expect(gradeQuizAnswer(loose, { kind: "numeric", value: Number.POSITIVE_INFINITY }, "en").correct).toBe(false);
  });

  it("shows the answer and the explanation", () => {
    const grade = gradeQuizAnswer(tanhDerivative, { kind: "numeric", value: 0.25 }, "en");
    expect(grade.correctAnswer).toEqual({ value: 0.75, text: "0.75" });
    expect(grade.explanation).toBe("1 − a² = 0.75");
  });
});
