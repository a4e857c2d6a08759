// Authorization sweep of the page routes: what an anonymous visitor, a learner and another
// learner may see. Solutions and hidden tests never reach any browser; a learner's submissions
// and drafts never reach another learner.
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser, newSession, replaceCode, signUp, type Session } from "./browser";

const ROOT = path.resolve(import.meta.dirname, "../..");
const baseUrl = inject("baseUrl");
// A line of the reference solution that no starter contains.
const SOLUTION_LINE = readFileSync(path.join(ROOT, "exercises/sigmoid/solution.ts"), "utf8")
  .split("\n")
  .find((line) => line.includes("np.where"))
  ?.trim();
const PRIVATE_MARKER = "// 나만의 비밀 초안 e2e-private-draft";

const PAGES = ["/", "/exercises/sigmoid", "/exercises/backward-propagation", "/quizzes/activation-functions", "/sign-in", "/sign-up"];

let browser: Browser;
let anonymous: Session;
let owner: Session;
let other: Session;

beforeAll(async () => {
  browser = await launchBrowser();
  anonymous = await newSession(browser, baseUrl);
  owner = await newSession(browser, baseUrl);
  other = await newSession(browser, baseUrl);
  await signUp(owner.page, { name: "Owner", email: `owner-${Date.now()}@example.org`, password: "owner password 1" });
  await signUp(other.page, { name: "Other", email: `other-${Date.now()}@example.org`, password: "other password 1" });
  // The owner leaves a draft and a submission behind.
  await owner.page.goto("/exercises/sigmoid");
  await replaceCode(owner.page, `${PRIVATE_MARKER}\nexport function sigmoid(z: unknown) { return z; }\n`);
  await owner.page.locator('[data-testid="submit"]').click();
  // Recorded is enough here (the verdict is the learner stories' business); the server draft is
  // saved 1.5 s after the last keystroke.
  await owner.page.locator('[data-testid="verdict-panel"]').waitFor({ timeout: 60_000 });
  await owner.page.locator('[data-testid="draft-status"]', { hasText: "계정" }).waitFor({ timeout: 30_000 });
});

afterAll(async () => {
  await browser.close();
});

describe("page routes", () => {
  it("the reference solution is in no page for anyone, signed in or not", async () => {
    expect(SOLUTION_LINE).toBeTruthy();
    for (const session of [anonymous, owner, other]) {
      for (const route of PAGES) {
        const response = await session.page.goto(route);
        expect(response?.status(), route).toBe(200);
        expect(await session.page.content(), route).not.toContain(SOLUTION_LINE);
      }
    }
  });

  it("anonymous visitors can browse and Run, but are asked to sign in to submit", async () => {
    const { page } = anonymous;
    await page.goto("/exercises/sigmoid");
    await page.locator(".monaco-editor").first().waitFor({ timeout: 60_000 });
    expect(await page.locator('[data-testid="submit"]').isDisabled()).toBe(true);
    expect(await page.locator('a[href^="/sign-in"]').count()).toBeGreaterThan(0);
    expect(await page.locator('[data-testid="history"]').count()).toBe(0);
  });

  it("another learner sees neither the owner's draft nor their history", async () => {
    const { page } = other;
    // The history is fetched by the page; wait for that answer, then for the editor.
    const history = page.waitForResponse((r) => r.url().includes("/api/v1/submissions?exerciseId=sigmoid"));
    await page.goto("/exercises/sigmoid");
    expect((await history).status()).toBe(200);
    await page.locator(".monaco-editor").first().waitFor({ timeout: 60_000 });
    expect(await page.locator('[data-testid="history-row"]').count()).toBe(0);
    expect(await page.locator(".monaco-editor .view-lines").first().textContent()).not.toContain("e2e-private-draft");
    expect(await page.content()).not.toContain("e2e-private-draft");
  });

  it("the owner finds their own history", async () => {
    const { page } = owner;
    await page.goto("/exercises/sigmoid");
    await expect.poll(() => page.locator('[data-testid="history-row"]').count(), { timeout: 30_000 }).toBe(1);
  });

  it("unknown exercises and quizzes are 404 pages", async () => {
    for (const route of ["/exercises/no-such-exercise", "/quizzes/no-such-quiz", "/exercises/..%2F..%2Fetc"]) {
      const response = await anonymous.page.goto(route);
      expect(response?.status(), route).toBe(404);
    }
  });
});
