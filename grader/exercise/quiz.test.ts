// The quiz format: what the schema accepts and rejects, and that the public view of a quiz never
// carries answers, explanations or feedback.
import { describe, expect, it } from "vitest";
import { Quiz, QuizAnswer, QuizItem, toPublicQuiz } from "./quiz";

const t = (en: string) => ({ ko: `${en} (ko)`, en });

const choiceItem = {
  kind: "multiple-choice",
  id: "output",
  prompt: t("Output activation?"),
  explanation: t("Probabilities."),
  choices: [
    { id: "sigmoid", text: t("sigmoid") },
    { id: "tanh", text: t("tanh"), feedback: t("Range (-1, 1).") },
  ],
  answer: "sigmoid",
};

describe("QuizItem", () => {
  it("accepts the three kinds and fills numeric tolerance defaults", () => {
    expect(QuizItem.safeParse(choiceItem).success).toBe(true);
    const { answer: _answer, ...withoutAnswer } = choiceItem;
    const multiple = { ...withoutAnswer, kind: "multiple-answer", answers: ["sigmoid"], choices: [...choiceItem.choices, { id: "relu", text: t("ReLU") }] };
    expect(QuizItem.safeParse(multiple).success).toBe(true);
    // A multiple-answer item is strict: a single `answer` field belongs to multiple-choice items only.
    expect(QuizItem.safeParse({ ...multiple, answer: "sigmoid" }).success).toBe(false);
    const numeric = QuizItem.parse({ kind: "numeric", id: "n", prompt: t("σ'(0)?"), explanation: t("0.25"), answer: 0.25, tolerance: { absolute: 1e-4 } });
    expect(numeric.kind === "numeric" && numeric.tolerance).toEqual({ absolute: 1e-4, relative: 0 });
  });

  it("rejects an answer that is not a choice, duplicate choice ids and unknown fields", () => {
    expect(QuizItem.safeParse({ ...choiceItem, answer: "relu" }).success).toBe(false);
    expect(QuizItem.safeParse({ ...choiceItem, choices: [choiceItem.choices[0], choiceItem.choices[0]] }).success).toBe(false);
    expect(QuizItem.safeParse({ ...choiceItem, difficulty: 2 }).success).toBe(false);
  });

  it("rejects a numeric item without a positive tolerance", () => {
    const numeric = { kind: "numeric", id: "n", prompt: t("?"), explanation: t("!"), answer: 1 };
    expect(QuizItem.safeParse({ ...numeric, tolerance: {} }).success).toBe(false);
    expect(QuizItem.safeParse({ ...numeric, tolerance: { relative: 0.01 } }).success).toBe(true);
  });

  it("rejects multiple-answer items whose answers are unknown or repeated", () => {
    const base = {
      kind: "multiple-answer",
      id: "m",
      prompt: t("Which?"),
      explanation: t("Because."),
      choices: [
        { id: "a", text: t("a") },
        { id: "b", text: t("b") },
        { id: "c", text: t("c") },
      ],
    };
    expect(QuizItem.safeParse({ ...base, answers: ["a", "b"] }).success).toBe(true);
    expect(QuizItem.safeParse({ ...base, answers: ["a", "z"] }).success).toBe(false);
    expect(QuizItem.safeParse({ ...base, answers: ["a", "a"] }).success).toBe(false);
    expect(QuizItem.safeParse({ ...base, answers: [] }).success).toBe(false);
  });
});

describe("Quiz", () => {
  it("rejects duplicate item ids", () => {
    const result = Quiz.safeParse({ id: "q", title: t("Q"), items: [choiceItem, choiceItem] });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message)).toContain('duplicate item id "output"');
  });
});

describe("QuizAnswer", () => {
  it("validates the three answer shapes", () => {
    expect(QuizAnswer.safeParse({ kind: "multiple-choice", choice: "tanh" }).success).toBe(true);
    expect(QuizAnswer.safeParse({ kind: "multiple-answer", choices: ["a", "b"] }).success).toBe(true);
    expect(QuizAnswer.safeParse({ kind: "numeric", value: 0.75 }).success).toBe(true);
    expect(QuizAnswer.safeParse({ kind: "numeric", value: "0.75" }).success).toBe(false);
    expect(QuizAnswer.safeParse({ kind: "multiple-choice", choice: "a", extra: 1 }).success).toBe(false);
  });
});

describe("toPublicQuiz", () => {
  it("keeps prompts and choices in the locale and drops answers, explanations and feedback", () => {
    const quiz = Quiz.parse({
      id: "q",
      title: t("Quiz"),
      items: [choiceItem, { kind: "numeric", id: "n", prompt: t("σ'(0)?"), explanation: t("0.25"), answer: 0.25, tolerance: { absolute: 1e-4 } }],
    });
    const shown = toPublicQuiz(quiz, "ko");
    expect(shown).toEqual({
      id: "q",
      title: "Quiz (ko)",
      items: [
        { id: "output", kind: "multiple-choice", prompt: "Output activation? (ko)", choices: [{ id: "sigmoid", text: "sigmoid (ko)" }, { id: "tanh", text: "tanh (ko)" }] },
        { id: "n", kind: "numeric", prompt: "σ'(0)? (ko)" },
      ],
    });
    const serialized = JSON.stringify(shown);
    expect(serialized).not.toContain("Probabilities");
    expect(serialized).not.toContain("Range (-1, 1)");
    expect(serialized).not.toContain("0.25 (ko)");
  });
});
