// Shared helpers for the end-to-end specs: Debian's chromium through playwright-core, offline
// (any request leaving the test server is aborted and recorded), screenshots in test-results/.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";

export const SCREENSHOTS = path.resolve(import.meta.dirname, "../../test-results/e2e");

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
  });
}

export interface Session {
  readonly context: BrowserContext;
  readonly page: Page;
  /** Requests to anything but the test server: must stay empty (the site works offline). */
  readonly external: string[];
  /** Uncaught page errors. */
  readonly pageErrors: string[];
  /** What the Content-Security-Policy blocked (chromium reports it on the console). */
  readonly cspViolations: string[];
}

export async function newSession(browser: Browser, baseUrl: string, options: { locale?: string; width?: number } = {}): Promise<Session> {
  const context = await browser.newContext({
    baseURL: baseUrl,
    locale: options.locale ?? "ko-KR",
    viewport: { width: options.width ?? 1280, height: 900 },
    permissions: ["clipboard-read", "clipboard-write"],
  });
  const external: string[] = [];
  const pageErrors: string[] = [];
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith(baseUrl) || url.startsWith("data:") || url.startsWith("blob:")) return route.continue();
    external.push(url);
    return route.abort();
  });
  // A page's CSP violations as console messages too (chromium logs some only to DevTools); a
  // worker's show up as the worker failing (Run, the editor's diagnostics), which the specs see.
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      console.warn(`Content Security Policy violation: ${event.violatedDirective} blocked ${event.blockedURI || "inline"}`);
    });
  });
  const page = await context.newPage();
  page.on("pageerror", (error) => pageErrors.push(error.message));
  const cspViolations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
  });
  return { context, page, external, pageErrors, cspViolations };
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** Replaces the editor's content as a learner pasting their code would (through the clipboard). */
export async function replaceCode(page: Page, code: string): Promise<void> {
  await page.locator(".monaco-editor").first().waitFor({ timeout: 60_000 });
  await page.locator(".monaco-editor .view-lines").first().click();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.press("Delete");
  await page.evaluate((text) => navigator.clipboard.writeText(text), code);
  await page.keyboard.press("ControlOrMeta+V");
}

export async function signUp(page: Page, who: { name: string; email: string; password: string }): Promise<void> {
  // Wait for hydration: a form submitted before React attaches would be a plain GET.
  await page.goto("/sign-up", { waitUntil: "networkidle" });
  await page.locator('input[name="name"]').fill(who.name);
  await page.locator('input[name="email"]').fill(who.email);
  await page.locator('input[name="password"]').fill(who.password);
  await page.locator('button[type="submit"]').click();
  await page.locator('[data-testid="account-menu"]').waitFor({ timeout: 30_000 });
}
