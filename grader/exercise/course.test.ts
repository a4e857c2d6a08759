// The course: the real exercises/ folder loads as a whole (every section, exercise folder and quiz),
// every quiz item accepts its own answer, and broken course folders are rejected with the reason.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { gradeQuizAnswer } from "../grading/quiz";
import { CourseLoadError, findQuizItem, loadCourse } from "./course";
import type { QuizAnswer, QuizItem } from "./quiz";

const t = (en: string) => ({ ko: `${en} (ko)`, en });

function rightAnswer(item: QuizItem): QuizAnswer {
  switch (item.kind) {
    case "multiple-choice":
      return { kind: "multiple-choice", choice: item.answer };
    case "multiple-answer":
      return { kind: "multiple-answer", choices: [...item.answers] };
    case "numeric":
      return { kind: "numeric", value: item.answer };
  }
}

describe("the course in exercises/", () => {
  const course = loadCourse();

  it("has the lecture's sections in order, each with exercises and a quiz", () => {
    expect(course.spec.sections.map((s) => s.id)).toEqual([
      "activation-functions",
      "why-non-linear",
      "activation-derivatives",
      "gradient-descent",
      "backpropagation",
      "random-initialization",
      "shallow-network",
    ]);
    for (const section of course.spec.sections) {
      expect(section.exercises.length).toBeGreaterThan(0);
      expect(section.quiz).toBe(section.id);
    }
    expect(course.spec.sections.flatMap((s) => s.exercises)).toHaveLength(19);
  });

  it("has at least four quiz items per section, of every kind, each graded right by its own answer", () => {
    const kinds = new Set<string>();
    for (const quiz of course.quizzes.values()) {
      expect(quiz.items.length).toBeGreaterThanOrEqual(4);
      for (const item of quiz.items) {
        kinds.add(item.kind);
        for (const locale of ["ko", "en"] as const) {
          const grade = gradeQuizAnswer(item, rightAnswer(item), locale);
          expect(grade.correct, `${quiz.id}/${item.id}`).toBe(true);
          expect(grade.explanation.length).toBeGreaterThan(0);
        }
      }
    }
    expect([...kinds].sort()).toEqual(["multiple-answer", "multiple-choice", "numeric"]);
  });

  it("finds a quiz item by quiz and item id", () => {
    const item = findQuizItem(course, "activation-derivatives", "sigmoid-at-zero");
    expect(item?.kind).toBe("numeric");
    expect(item?.kind === "numeric" && item.answer).toBe(0.25);
    expect(findQuizItem(course, "activation-derivatives", "no-such-item")).toBeUndefined();
    expect(findQuizItem(course, "no-such-quiz", "sigmoid-at-zero")).toBeUndefined();
  });
});

describe("loadCourse on a broken folder", () => {
  let root = "";
  afterEach(() => {
    if (root) rmSync(root, { recursive: true, force: true });
  });

  const quiz = {
    id: "basics",
    title: t("Basics"),
    items: [
      {
        kind: "numeric",
        id: "half",
        prompt: t("σ(0)?"),
        explanation: t("0.5"),
        answer: 0.5,
        tolerance: { absolute: 1e-3 },
      },
    ],
  };

  function folder(options: { exercises: Record<string, string>; course: unknown; quizzes?: Record<string, unknown> }): string {
    root = mkdtempSync(join(tmpdir(), "course-"));
    for (const [id, section] of Object.entries(options.exercises)) {
      mkdirSync(join(root, id));
      writeFileSync(join(root, id, "exercise.json"), JSON.stringify({ id, section }));
    }
    mkdirSync(join(root, "quizzes"));
    for (const [id, body] of Object.entries(options.quizzes ?? { basics: quiz })) {
      writeFileSync(join(root, "quizzes", `${id}.json`), JSON.stringify(body));
    }
    writeFileSync(join(root, "course.json"), JSON.stringify(options.course));
    return root;
  }

  const course = (sections: unknown[]) => ({ id: "c", title: t("Course"), intro: t("Intro"), sections });
  const section = (id: string, exercises: string[], quizId: string | null = "basics") => ({
    id,
    title: t(id),
    intro: t(`About ${id}`),
    exercises,
    quiz: quizId,
  });

  function problemsOf(dir: string): readonly string[] {
    try {
      loadCourse(dir);
    } catch (error) {
      if (error instanceof CourseLoadError) return error.problems;
      throw error;
    }
    return [];
  }

  it("loads a sound folder", () => {
    const dir = folder({ exercises: { relu: "basics" }, course: course([section("basics", ["relu"])]) });
    const loaded = loadCourse(dir);
    expect(loaded.spec.sections[0]?.exercises).toEqual(["relu"]);
    expect(loaded.quizzes.get("basics")?.items).toHaveLength(1);
  });

  it("names an exercise without a folder and one in the wrong section", () => {
    const dir = folder({ exercises: { relu: "other" }, course: course([section("basics", ["relu", "tanh"])]) });
    expect(problemsOf(dir)).toEqual([
      'exercise "relu" says section "other" but course.json lists it in "basics"',
      'section "basics": exercise "tanh" has no folder exercises/tanh/exercise.json',
    ]);
  });

  it("names an exercise folder left out of the course and one listed twice", () => {
    const dir = folder({
      exercises: { relu: "basics", tanh: "basics", orphan: "basics" },
      course: course([section("basics", ["relu", "tanh", "relu"])]),
    });
    expect(problemsOf(dir)).toEqual(['exercise "relu" is listed twice', 'exercise "orphan" is in no section of course.json']);
  });

  it("names a missing quiz, a malformed quiz and a quiz whose id differs from its file", () => {
    const dir = folder({
      exercises: { a: "one", b: "two", c: "three" },
      course: course([section("one", ["a"], "missing"), section("two", ["b"], "broken"), section("three", ["c"], "renamed")]),
      quizzes: { broken: { ...quiz, id: "broken", items: [] }, renamed: { ...quiz, id: "other" } },
    });
    const problems = problemsOf(dir);
    expect(problems[0]).toBe('section "one": missing quiz exercises/quizzes/missing.json');
    expect(problems[1]).toMatch(/^quizzes\/broken\.json items: /);
    expect(problems[2]).toBe('quizzes/renamed.json has id "other"');
    expect(problems).toHaveLength(3);
  });

  it("rejects unknown fields in course.json", () => {
    const dir = folder({ exercises: { relu: "basics" }, course: { ...course([section("basics", ["relu"])]), level: 1 } });
    expect(problemsOf(dir)[0]).toMatch(/^course\.json \(root\): /);
  });
});
