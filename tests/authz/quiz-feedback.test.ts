// The quiz page's server action renders only course content it finds by quiz and item id, and only
// for a viewer who has answered the item (issue 9, item 3: it used to render any Markdown anyone
// sent, and 20,000 characters of `*` froze the server for 25 s). The explanation only after a
// correct answer or the stated number of tries, and every answer restored after a reload (issue 11).
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Database } from "@/lib/server/db.server";
import { insertQuizAnswer } from "@/lib/server/data/quiz-answers";
import { openTestDatabase } from "@/lib/server/test-database";
import { createUser } from "@/tests/factories";

vi.mock("server-only", () => ({}));
const viewer = vi.hoisted(() => ({ user: null as null | { id: string; email: string; name: string; role: "learner" } }));
vi.mock("@/lib/server/viewer.server", () => ({ currentUser: () => Promise.resolve(viewer.user) }));
const { renderQuizFeedback } = await import("@/app/quizzes/[id]/actions");
const { renderQuizFeedbackFor, renderQuizStateFor } = await import("@/lib/ui/quiz/feedback.server");

let database: Database;
let userId = "";
const QUIZ = "activation-functions";
const ITEM = "output-layer-binary";

beforeAll(async () => {
  database = await openTestDatabase();
  const { user } = await createUser();
  userId = user.id;
  viewer.user = { id: user.id, email: user.email, name: user.name, role: "learner" };
});
afterAll(async () => {
  await database.close();
});

describe("quiz feedback rendering", () => {
  it("renders nothing before the viewer has answered, or for an unknown item", async () => {
    expect(await renderQuizFeedbackFor(userId, QUIZ, ITEM, "ko")).toBeNull();
    expect(await renderQuizFeedbackFor(userId, QUIZ, "no-such-item", "ko")).toBeNull();
    expect(await renderQuizFeedbackFor(userId, "no-such-quiz", ITEM, "ko")).toBeNull();
  });

  it("after a wrong answer renders the picked choice's feedback with KaTeX but not the explanation (issue 11)", async () => {
    await insertQuizAnswer({ userId, quizId: QUIZ, itemId: ITEM, answer: { kind: "multiple-choice", choice: "tanh" }, correct: false, score: 0 });
    const rendered = await renderQuizFeedback(QUIZ, ITEM, "ko");
    expect(rendered).toMatchObject({ answer: { kind: "multiple-choice", choice: "tanh" }, correct: false, tries: 1, explanationAfterTries: 3, explanationHtml: null });
    expect(rendered?.feedback.map((f) => f.choice)).toEqual(["tanh"]);
    expect(rendered?.feedback[0]?.html).toContain("음수");
    expect(rendered?.feedback[0]?.html).toContain('class="katex"');
  });

  it("renders the explanation after the stated number of tries, and after a correct answer", async () => {
    for (const choice of ["relu", "identity"]) {
      await insertQuizAnswer({ userId, quizId: QUIZ, itemId: ITEM, answer: { kind: "multiple-choice", choice }, correct: false, score: 0 });
    }
    const third = await renderQuizFeedbackFor(userId, QUIZ, ITEM, "ko");
    expect(third).toMatchObject({ correct: false, tries: 3, answer: { choice: "identity" } });
    expect(third?.explanationHtml).toContain('class="katex"');
    expect(third?.explanationHtml).not.toContain("$");

    const { user: other } = await createUser();
    await insertQuizAnswer({ userId: other.id, quizId: QUIZ, itemId: ITEM, answer: { kind: "multiple-choice", choice: "sigmoid" }, correct: true, score: 1 });
    expect((await renderQuizFeedbackFor(other.id, QUIZ, ITEM, "en"))?.explanationHtml).toContain("probability");
  });

  it("restores every answered item of the quiz after a reload: the last answer and its result", async () => {
    const { user: other } = await createUser();
    await insertQuizAnswer({ userId: other.id, quizId: QUIZ, itemId: ITEM, answer: { kind: "multiple-choice", choice: "tanh" }, correct: false, score: 0 });
    await insertQuizAnswer({ userId: other.id, quizId: QUIZ, itemId: ITEM, answer: { kind: "multiple-choice", choice: "sigmoid" }, correct: true, score: 1 });
    const state = await renderQuizStateFor(other.id, QUIZ, "en");
    expect([...state.keys()]).toEqual([ITEM]);
    expect(state.get(ITEM)).toMatchObject({ answer: { kind: "multiple-choice", choice: "sigmoid" }, correct: true, tries: 2 });
    expect(state.get(ITEM)?.explanationHtml).toContain("probability");
    expect((await renderQuizStateFor(userId, "no-such-quiz", "en")).size).toBe(0);
  });

  it("is anonymous-proof and takes ids, not Markdown: the freezing input of issue 9 is refused at once", async () => {
    const bomb = `${"*".repeat(10_000)}a${"*".repeat(10_000)}`;
    const started = performance.now();
    await expect(renderQuizFeedback(bomb, ITEM, "en")).rejects.toThrow();
    await expect(renderQuizFeedback(QUIZ, "$\\sqrt{".repeat(500), "en")).rejects.toThrow();
    expect(performance.now() - started).toBeLessThan(500);
    viewer.user = null;
    expect(await renderQuizFeedback(QUIZ, ITEM, "en")).toBeNull();
  });
});
