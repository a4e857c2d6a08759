// User stories of a learner, against the production build (see global-setup.ts).
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser, newSession, replaceCode, screenshot, signUp, type Session } from "./browser";

const ROOT = path.resolve(import.meta.dirname, "../..");
const exerciseFile = (id: string, file: string) => readFileSync(path.join(ROOT, "exercises", id, file), "utf8");

const SIGMOID_SOLUTION = `import * as np from "np";

export function sigmoid(z: np.NDArray): np.NDArray {
  const e = np.exp(np.negative(np.abs(z)));
  return np.where(np.greater_equal(z, 0), np.divide(1, np.add(1, e)), np.divide(e, np.add(1, e)));
}
`;
const INFINITE_LOOP = `import * as np from "np";

export function sigmoid(z: np.NDArray): np.NDArray {
  for (;;) {}
  return z;
}
`;

let browser: Browser;
let learner: Session;
const baseUrl = inject("baseUrl");
const who = { name: "지민", email: `jimin-${Date.now()}@example.org`, password: "correct horse battery" };

beforeAll(async () => {
  browser = await launchBrowser();
  learner = await newSession(browser, baseUrl);
});

afterAll(async () => {
  await browser.close();
});

describe("a new learner", () => {
  it("opens the catalog in Korean and sees every exercise not started, with a suggested first step", async () => {
    const { page } = learner;
    await page.goto("/");
    expect(await page.locator("html").getAttribute("lang")).toBe("ko");
    await expect.poll(() => page.locator("h1").textContent(), { timeout: 30_000 }).toBe("과정");
    expect(await page.locator('[data-testid="catalog-exercise-sigmoid"]').getAttribute("data-status")).toBe("not-started");
    expect(await page.locator('[data-testid="next-step"] a').getAttribute("href")).toBe("/exercises/sigmoid");
    await screenshot(page, "catalog-anonymous");
  });

  it("signs up, solves sigmoid with Run then Submit and sees it marked solved", async () => {
    const { page } = learner;
    await signUp(page, who);
    await page.goto("/exercises/sigmoid");
    await replaceCode(page, SIGMOID_SOLUTION);
    await page.locator('[data-testid="run"]').click();
    const summary = page.locator('[data-testid="run-summary"]');
    await summary.waitFor({ timeout: 60_000 });
    expect(await summary.getAttribute("class")).toBe("ok");
    expect(await page.locator('[data-testid="activation-plot-summary"]').getAttribute("class")).toBe("ok");
    await screenshot(page, "exercise-run-plot");

    await page.locator('[data-testid="submit"]').click();
    const verdict = page.locator('[data-testid="verdict"]');
    await verdict.waitFor({ timeout: 120_000 });
    expect(await verdict.getAttribute("data-status")).toBe("pass");
    await screenshot(page, "exercise-verdict-pass");

    await page.goto("/");
    expect(await page.locator('[data-testid="catalog-exercise-sigmoid"]').getAttribute("data-status")).toBe("solved");
    await screenshot(page, "catalog-progress");
  });

  it("submits the notes' typo in backward-propagation and sees the misconception named", async () => {
    const { page } = learner;
    await page.goto("/exercises/backward-propagation");
    await replaceCode(page, exerciseFile("backward-propagation", "mistakes/a2-instead-of-a1-in-dw2.ts"));
    await page.locator('[data-testid="submit"]').click();
    const verdict = page.locator('[data-testid="verdict"]');
    await verdict.waitFor({ timeout: 120_000 });
    expect(await verdict.getAttribute("data-status")).toBe("fail");
    const named = page.locator('[data-misconception="a2-instead-of-a1-in-dw2"]');
    expect(await named.count()).toBe(1);
    expect(await named.textContent()).toContain("A1");
    await screenshot(page, "exercise-verdict-misconception");
  });

  it("trains a shallow network from scratch with Run and sees its cost curve and decision boundary", async () => {
    const { page } = learner;
    await page.goto("/exercises/nn-model");
    await replaceCode(page, exerciseFile("nn-model", "solution.ts"));
    await page.locator('[data-testid="run"]').click();
    await page.locator('[data-testid="run-summary"]').waitFor({ timeout: 60_000 });
    await page.locator('[data-testid="cost-curve"]').waitFor({ state: "visible" });
    await page.locator('[data-testid="decision-boundary"]').waitFor({ state: "visible" });
    const summary = (await page.locator('[data-testid="decision-boundary-summary"]').textContent()) ?? "";
    const accuracy = Number(/([\d.]+)%/.exec(summary)?.[1]);
    expect(accuracy, summary).toBeGreaterThanOrEqual(90);
    await screenshot(page, "exercise-nn-model-plots");
  });

  it("runs zero initialization and sees its hidden units stay identical while random ones move apart", async () => {
    const { page } = learner;
    await page.goto("/exercises/zero-initialization");
    await replaceCode(page, exerciseFile("zero-initialization", "solution.ts"));
    await page.locator('[data-testid="run"]').click();
    await page.locator('[data-testid="symmetry-plot"]').waitFor({ state: "visible", timeout: 60_000 });
    expect(await page.locator('[data-testid="symmetry-plot-learner-summary"]').getAttribute("data-spread")).toBe("0");
    expect(Number(await page.locator('[data-testid="symmetry-plot-random-summary"]').getAttribute("data-spread"))).toBeGreaterThan(0);
    expect(await page.locator('[data-testid="symmetry-plot-learner-summary"]').textContent()).toContain("학습 내내 같습니다");
    await screenshot(page, "exercise-zero-initialization-plot");
  });

  it("runs and submits an infinite loop, sees a time limit, and the site stays responsive", async () => {
    const { page, context } = learner;
    await page.goto("/exercises/sigmoid");
    await replaceCode(page, INFINITE_LOOP);
    await page.locator('[data-testid="run"]').click();
    await page.locator('[data-testid="stop"]').waitFor();
    await page.locator('[data-testid="run-timeout"]').waitFor({ timeout: 30_000 });

    await page.locator('[data-testid="submit"]').click();
    // While the grader is busy with the loop, another tab still gets the catalog.
    const other = await context.newPage();
    const response = await other.goto("/");
    expect(response?.status()).toBe(200);
    await other.close();
    const verdict = page.locator('[data-testid="verdict"]');
    await verdict.waitFor({ timeout: 120_000 });
    expect(await page.locator('[data-testid="verdict-error"]').getAttribute("data-kind")).toBe("timeout");
  });

  it("switches to English and back to Korean, and the choice is remembered", async () => {
    const { page } = learner;
    await page.goto("/", { waitUntil: "networkidle" });
    await page.locator('[data-testid="locale-switcher"]').selectOption("en");
    await expect.poll(() => page.locator("h1").textContent(), { timeout: 30_000 }).toBe("Course");
    await page.reload({ waitUntil: "networkidle" });
    expect(await page.locator("html").getAttribute("lang")).toBe("en");
    await page.locator('[data-testid="locale-switcher"]').selectOption("ko");
    await expect.poll(() => page.locator("h1").textContent(), { timeout: 30_000 }).toBe("과정");
  });

  it("returns later and finds the draft and the history", async () => {
    // A new browser context: the draft must come from the account, not this tab's storage.
    const later = await newSession(browser, baseUrl);
    const { page } = later;
    await page.goto("/sign-in", { waitUntil: "networkidle" });
    await page.locator('input[name="email"]').fill(who.email);
    await page.locator('input[name="password"]').fill(who.password);
    await page.locator('button[type="submit"]').click();
    await page.locator('[data-testid="account-menu"]').waitFor({ timeout: 30_000 });
    await page.goto("/exercises/sigmoid");
    // Monaco renders spaces as no-break spaces.
    const editorText = async () => ((await page.locator(".monaco-editor .view-lines").first().textContent()) ?? "").replace(/\u00a0/g, " ");
    await expect.poll(editorText, { timeout: 30_000 }).toContain("for (;;) {}");
    const rows = page.locator('[data-testid="history-row"]');
    await expect.poll(() => rows.count(), { timeout: 30_000 }).toBe(2);
    await page.locator('[data-testid="history-row"] input[type="checkbox"]').nth(0).check();
    await page.locator('[data-testid="history-row"] input[type="checkbox"]').nth(1).check();
    await page.getByRole("button", { name: "비교" }).click();
    const diff = page.locator('[data-testid="history-diff"]');
    await diff.waitFor();
    expect(await diff.textContent()).toContain("+   for (;;) {}");
    await screenshot(page, "exercise-history-diff");
    expect(later.external).toEqual([]);
    await later.context.close();
  });

  it("never asked for anything outside the site, no page threw, and the Content-Security-Policy blocked nothing", () => {
    expect(learner.external).toEqual([]);
    expect(learner.pageErrors).toEqual([]);
    expect(learner.cspViolations).toEqual([]);
  });
});
