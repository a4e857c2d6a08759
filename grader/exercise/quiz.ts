// The quiz format: the zod schema of `exercises/quizzes/<section-id>.json`, and the public view of a
// quiz that may be sent to a browser (prompts and choices, never answers or explanations).
// Edit this file to add a quiz item kind (and grade it in grader/grading/quiz.ts).
import { z } from "zod";
import { LocalizedText } from "./schema";

const kebabCase = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const QuizChoice = z
  .object({
    id: z.string().regex(kebabCase).describe("Stable kebab-case choice id, unique in the item, e.g. \"tanh\""),
    text: LocalizedText.describe("The choice as shown (Markdown + LaTeX)"),
    feedback: LocalizedText.optional().describe(
      "Why this choice is right or wrong; shown after answering when the learner picked it",
    ),
  })
  .strict()
  .describe("One choice of a multiple-choice or multiple-answer item");
export type QuizChoice = z.infer<typeof QuizChoice>;

const itemBase = {
  id: z.string().regex(kebabCase).describe("Stable kebab-case item id, unique in the quiz"),
  prompt: LocalizedText.describe("The question (Markdown + LaTeX)"),
  explanation: LocalizedText.describe("Shown after answering, right or wrong: why the answer is what it is"),
};

const choiceIdsUnique = (choices: readonly QuizChoice[]): boolean =>
  new Set(choices.map((c) => c.id)).size === choices.length;

export const MultipleChoiceItem = z
  .object({
    kind: z.literal("multiple-choice").describe("Exactly one choice is right"),
    ...itemBase,
    choices: z.array(QuizChoice).min(2).describe("The choices, shown in this order"),
    answer: z.string().regex(kebabCase).describe("Id of the right choice"),
  })
  .strict()
  .describe("Pick one choice")
  .refine((item) => choiceIdsUnique(item.choices), { message: "choice ids must be unique" })
  .refine((item) => item.choices.some((c) => c.id === item.answer), { message: "answer must be a choice id" });

export const MultipleAnswerItem = z
  .object({
    kind: z.literal("multiple-answer").describe("Every right choice must be picked, and no wrong one"),
    ...itemBase,
    choices: z.array(QuizChoice).min(3).describe("The choices, shown in this order"),
    answers: z.array(z.string().regex(kebabCase)).min(1).describe("Ids of every right choice"),
  })
  .strict()
  .describe("Pick all that apply; partial credit per grader/grading/quiz.ts")
  .refine((item) => choiceIdsUnique(item.choices), { message: "choice ids must be unique" })
  .refine((item) => item.answers.every((a) => item.choices.some((c) => c.id === a)), {
    message: "every answer must be a choice id",
  })
  .refine((item) => new Set(item.answers).size === item.answers.length, { message: "answers must be unique" });

export const NumericItem = z
  .object({
    kind: z.literal("numeric").describe("A number, right within a tolerance"),
    ...itemBase,
    answer: z.number().describe("The right value"),
    tolerance: z
      .object({
        absolute: z.number().min(0).default(0).describe("Accepted when |value − answer| ≤ absolute"),
        relative: z.number().min(0).default(0).describe("Accepted when |value − answer| ≤ relative·|answer|"),
      })
      .strict()
      .refine((t) => t.absolute > 0 || t.relative > 0, { message: "give an absolute or a relative tolerance" })
      .describe("Either bound suffices; at least one must be positive (typed decimals are never exact)"),
  })
  .strict()
  .describe("Type a number");

export const QuizItem = z
  .discriminatedUnion("kind", [MultipleChoiceItem, MultipleAnswerItem, NumericItem])
  .describe("One quiz item");
export type QuizItem = z.infer<typeof QuizItem>;

export const Quiz = z
  .object({
    $schema: z.string().optional().describe("Path of a JSON Schema, for editors"),
    id: z.string().regex(kebabCase).describe("Kebab-case id, equal to the file name and to the section id"),
    title: LocalizedText.describe("Quiz title"),
    items: z.array(QuizItem).min(1).describe("The items, in the order they are asked"),
  })
  .strict()
  .describe("A section quiz: exercises/quizzes/<section-id>.json")
  .superRefine((quiz, ctx) => {
    const ids = new Set<string>();
    for (const item of quiz.items) {
      if (ids.has(item.id)) ctx.addIssue({ code: "custom", message: `duplicate item id "${item.id}"` });
      ids.add(item.id);
    }
  });
export type Quiz = z.infer<typeof Quiz>;

/** What a learner submits: a choice id, a set of choice ids, or a number (by item kind). */
export const QuizAnswer = z
  .union([
    z.object({ kind: z.literal("multiple-choice"), choice: z.string().max(100) }).strict(),
    z.object({ kind: z.literal("multiple-answer"), choices: z.array(z.string().max(100)).max(50) }).strict(),
    z.object({ kind: z.literal("numeric"), value: z.number() }).strict(),
  ])
  .describe("A learner's answer to one item");
export type QuizAnswer = z.infer<typeof QuizAnswer>;

export type Locale = "ko" | "en";

export interface PublicQuizItem {
  readonly id: string;
  readonly kind: QuizItem["kind"];
  readonly prompt: string;
  /** Absent for numeric items. */
  readonly choices?: readonly { readonly id: string; readonly text: string }[];
}

export interface PublicQuiz {
  readonly id: string;
  readonly title: string;
  readonly items: readonly PublicQuizItem[];
}

/** The quiz as a learner sees it before answering: no answers, no explanations, no feedback. */
export function toPublicQuiz(quiz: Quiz, locale: Locale): PublicQuiz {
  return {
    id: quiz.id,
    title: quiz.title[locale],
    items: quiz.items.map((item) =>
      item.kind === "numeric"
        ? { id: item.id, kind: item.kind, prompt: item.prompt[locale] }
        : {
            id: item.id,
            kind: item.kind,
            prompt: item.prompt[locale],
            choices: item.choices.map((c) => ({ id: c.id, text: c.text[locale] })),
          },
    ),
  };
}
