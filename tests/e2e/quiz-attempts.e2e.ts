// User stories of issue 11 ("a newcomer's first hour without a paper cut"), quizzes and attempts,
// against the production build: a decimal comma is accepted and a malformed number is explained;
// a wrong answer shows the choice's feedback but not the explanation until the third try; after a
// reload the last answers and their results are back.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser, newSession, screenshot, signUp, type Session } from "./browser";

let browser: Browser;
let learner: Session;
const baseUrl = inject("baseUrl");

beforeAll(async () => {
  browser = await launchBrowser();
  learner = await newSession(browser, baseUrl);
  await signUp(learner.page, { name: "Jonas", email: `jonas-${Date.now()}@example.org`, password: "correct horse battery" });
});

afterAll(async () => {
  await browser.close();
});

describe("a learner with a European keyboard takes the activation-functions quiz", () => {
  it("reads the explanation rule, and types a decimal comma that is accepted", async () => {
    const { page } = learner;
    await page.goto("/quizzes/activation-functions", { waitUntil: "networkidle" });
    expect(await page.locator('[data-testid="quiz-explanation-rule"]').textContent()).toMatch(/3/);
    const item = page.locator('[data-testid="quiz-item-leaky-relu-value"]');
    const input = item.locator('input[type="text"]');
    await input.fill("1,234.5");
    expect(await item.locator('[data-testid="quiz-number-invalid"]').isVisible()).toBe(true);
    expect(await item.locator('button[type="submit"]').isDisabled()).toBe(true);
    await input.fill("-0,03");
    expect(await item.locator('[data-testid="quiz-number-invalid"]').count()).toBe(0);
    await item.locator('button[type="submit"]').click();
    const grade = item.locator('[data-testid="quiz-grade"]');
    await grade.waitFor({ timeout: 30_000 });
    expect(await grade.getAttribute("data-correct")).toBe("true");
    await grade.locator('[data-testid="quiz-explanation"]').waitFor({ timeout: 10_000 });
  });

  it("sees the feedback but not the explanation after a wrong answer, and the explanation after the third try", async () => {
    const { page } = learner;
    const item = page.locator('[data-testid="quiz-item-output-layer-binary"]');
    const grade = item.locator('[data-testid="quiz-grade"]');
    await item.locator('input[value="tanh"]').check();
    await item.locator('button[type="submit"]').click();
    await expect.poll(() => grade.getAttribute("data-tries"), { timeout: 30_000 }).toBe("1");
    expect(await grade.getAttribute("data-correct")).toBe("false");
    expect(await grade.locator('[data-testid="quiz-feedback"]').count()).toBe(1);
    expect(await grade.locator('[data-testid="quiz-explanation"]').count()).toBe(0);
    expect(await grade.locator('[data-testid="quiz-explanation-locked"]').isVisible()).toBe(true);
    await screenshot(page, "quiz-wrong-answer-no-explanation");

    for (const [choice, tries] of [["relu", "2"], ["identity", "3"]] as const) {
      await item.locator(`input[value="${choice}"]`).check();
      await item.locator('button[type="submit"]').click();
      await expect.poll(() => grade.getAttribute("data-tries"), { timeout: 30_000 }).toBe(tries);
    }
    expect(await grade.locator('[data-testid="quiz-explanation"] .katex').count()).toBeGreaterThan(0);
  });

  it("finds the last answers and their results after a reload", async () => {
    const { page } = learner;
    await page.reload({ waitUntil: "networkidle" });
    const choice = page.locator('[data-testid="quiz-item-output-layer-binary"]');
    expect(await choice.locator('input[value="identity"]').isChecked()).toBe(true);
    expect(await choice.locator('[data-testid="quiz-grade"]').getAttribute("data-correct")).toBe("false");
    expect(await choice.locator('[data-testid="quiz-grade"]').getAttribute("data-tries")).toBe("3");
    const numeric = page.locator('[data-testid="quiz-item-leaky-relu-value"]');
    expect(await numeric.locator('input[type="text"]').inputValue()).toBe("-0.03");
    expect(await numeric.locator('[data-testid="quiz-grade"]').getAttribute("data-correct")).toBe("true");
    expect(await page.locator('[data-testid="quiz-item-default-hidden"] [data-testid="quiz-grade"]').count()).toBe(0);
    await screenshot(page, "quiz-restored-after-reload");
  });

  it("sees in the catalog how many items are right, not only \"Attempted\"", async () => {
    const { page } = learner;
    await page.goto("/", { waitUntil: "networkidle" });
    const quiz = page.locator('[data-testid="catalog-quiz-activation-functions"]');
    expect(await quiz.getAttribute("data-status")).toBe("attempted");
    expect(await quiz.locator('[data-testid="catalog-quiz-score"]').textContent()).toBe("6문제 중 1문제 정답");
  });
});
