// User stories of a learner taking a quiz, against the production build (see global-setup.ts):
// answer wrong and read the feedback, answer right and read the explanation, a numeric answer within tolerance, progress in the catalog.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser, newSession, screenshot, signUp, type Session } from "./browser";

let browser: Browser;
let learner: Session;
const baseUrl = inject("baseUrl");

beforeAll(async () => {
  browser = await launchBrowser();
  learner = await newSession(browser, baseUrl);
});

afterAll(async () => {
  await browser.close();
});

describe("a learner takes the activation-functions quiz", () => {
  it("cannot answer before signing in", async () => {
    const { page } = learner;
    await page.goto("/quizzes/activation-functions", { waitUntil: "networkidle" });
    const item = page.locator('[data-testid="quiz-item-output-layer-binary"]');
    await item.locator('input[value="sigmoid"]').check();
    expect(await item.locator('button[type="submit"]').isDisabled()).toBe(true);
  });

  it("answers wrong, reads the feedback and the explanation, then answers right", async () => {
    const { page } = learner;
    await signUp(page, { name: "서연", email: `seoyeon-${Date.now()}@example.org`, password: "correct horse battery" });
    await page.goto("/quizzes/activation-functions", { waitUntil: "networkidle" });
    const item = page.locator('[data-testid="quiz-item-output-layer-binary"]');
    await item.locator('input[value="tanh"]').check();
    await item.locator('button[type="submit"]').click();
    const grade = item.locator('[data-testid="quiz-grade"]');
    await grade.waitFor({ timeout: 30_000 });
    expect(await grade.getAttribute("data-correct")).toBe("false");
    // The chosen choice's feedback rendered with KaTeX; the explanation waits for a correct answer
    // or the third try (issue 11).
    const feedback = grade.locator('[data-testid="quiz-feedback"]');
    expect(await feedback.textContent()).toContain("음수");
    expect(await feedback.locator(".katex").count()).toBeGreaterThan(0);
    expect(await grade.locator('[data-testid="quiz-explanation"]').count()).toBe(0);
    expect((await grade.innerText()).includes("$")).toBe(false);
    await screenshot(page, "quiz-wrong-answer");

    await item.locator('input[value="sigmoid"]').check();
    await item.locator('button[type="submit"]').click();
    await expect.poll(() => grade.getAttribute("data-correct"), { timeout: 30_000 }).toBe("true");
    // Math in the explanation is typeset, not shown as raw LaTeX.
    expect(await grade.locator('[data-testid="quiz-explanation"] .katex').count()).toBeGreaterThan(0);
  });

  it("accepts a numeric answer within the item's tolerance", async () => {
    const { page } = learner;
    const item = page.locator('[data-testid="quiz-item-leaky-relu-value"]');
    await item.locator('input[type="text"]').fill("-0.03");
    await item.locator('button[type="submit"]').click();
    const grade = item.locator('[data-testid="quiz-grade"]');
    await grade.waitFor({ timeout: 30_000 });
    expect(await grade.getAttribute("data-correct")).toBe("true");
  });

  it("shows the quiz as attempted in the catalog", async () => {
    const { page } = learner;
    await page.goto("/");
    const status = await page.locator('[data-testid="catalog-quiz-activation-functions"]').getAttribute("data-status");
    expect(status).toBe("attempted");
  });
});
