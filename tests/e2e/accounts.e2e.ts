// User stories about accounts against the production server (`npm start`, bin/serve.ts):
// a newcomer's quick start on another port opened at 127.0.0.1 (issue 11.1), passwords never in
// a URL (11.3), sign-in attempts counted by the real socket address whatever X-Forwarded-For says
// (issue 9.4), and the security headers.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser, newSession, screenshot, signUp } from "./browser";
import { freePort, SERVE_ARGS, waitUntilUp } from "./global-setup";

const ROOT = path.resolve(import.meta.dirname, "../..");
const baseUrl = inject("baseUrl");
let browser: Browser;

/** `PORT=… npm start` with no configuration but a fresh data folder, as a newcomer would run it. */
let quickStart: { server: ChildProcess; url: string; port: number; dataDir: string } | null = null;

beforeAll(async () => {
  browser = await launchBrowser();
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(tmpdir(), "backprop-e2e-quick-"));
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), BACKPROP_DATA_DIR: dataDir };
  for (const name of ["BETTER_AUTH_URL", "BETTER_AUTH_SECRET", "BACKPROP_TRUSTED_ORIGINS", "BACKPROP_TRUSTED_PROXY_HOPS", "DATABASE_URL", "NODE_ENV"]) delete env[name];
  // Its own process group, so that stopping it stops everything it started.
  const server = spawn(process.execPath, SERVE_ARGS, { cwd: ROOT, env, stdio: "ignore", detached: true });
  const url = `http://127.0.0.1:${port}`;
  quickStart = { server, url, port, dataDir };
  await waitUntilUp(url, server);
});

afterAll(async () => {
  await browser.close();
  if (quickStart !== null) {
    const { server, dataDir } = quickStart;
    if (server.exitCode === null && server.pid !== undefined) {
      const exited = new Promise((resolve) => server.once("exit", resolve));
      process.kill(-server.pid, "SIGTERM");
      await exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  }
});

/** A sign-in attempt over a real socket from `localAddress` (any 127.x.y.z is this machine). */
function signInFrom(url: string, localAddress: string, forwardedFor: string, email: string): Promise<number> {
  const body = JSON.stringify({ email, password: "wrong-password-123" });
  const target = new URL("/api/auth/sign-in/email", url);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      target,
      {
        method: "POST",
        localAddress,
        headers: { "content-type": "application/json", origin: target.origin, "x-forwarded-for": forwardedFor, "content-length": Buffer.byteLength(body) },
      },
      (response) => {
        response.resume();
        response.on("end", () => resolve(response.statusCode ?? 0));
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

describe("a newcomer's quick start", () => {
  it("signs up on another port opened at 127.0.0.1, with no BETTER_AUTH_URL", async () => {
    const url = quickStart?.url ?? "";
    const session = await newSession(browser, url);
    await signUp(session.page, { name: "새내기", email: `newcomer-${Date.now()}@example.org`, password: "correct horse battery" });
    expect(await session.page.locator('[data-testid="account-menu"]').isVisible()).toBe(true);
    await screenshot(session.page, "quick-start-signed-up");
    expect(session.pageErrors).toEqual([]);
    expect(session.cspViolations).toEqual([]);
    await session.context.close();
  });

  it("counts sign-in attempts by the socket's address: a rotated X-Forwarded-For gets a 429, another address is not locked out", async () => {
    const url = quickStart?.url ?? "";
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push(await signInFrom(url, "127.0.0.2", `203.0.113.${i + 1}`, `nobody-${i}@example.org`));
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429]);
    expect(await signInFrom(url, "127.0.0.3", "203.0.113.1", "nobody-0@example.org")).toBe(401);
  });
});

describe("a site with a configured public URL", () => {
  it("refuses a sign-up from another address with a clear message in the learner's language", async () => {
    // The shared server has BETTER_AUTH_URL = http://127.0.0.1:<port>; open it at localhost instead.
    const elsewhere = baseUrl.replace("127.0.0.1", "localhost");
    const session = await newSession(browser, elsewhere);
    await session.page.goto("/sign-up", { waitUntil: "networkidle" });
    await session.page.locator('input[name="name"]').fill("다른 주소");
    await session.page.locator('input[name="email"]').fill(`elsewhere-${Date.now()}@example.org`);
    await session.page.locator('input[name="password"]').fill("correct horse battery");
    await session.page.locator('button[type="submit"]').click();
    const alert = session.page.locator('form [role="alert"]');
    await alert.waitFor({ timeout: 30_000 });
    const text = await alert.innerText();
    expect(text).toContain(elsewhere);
    expect(text).toContain("BETTER_AUTH_URL");
    expect(text).toMatch(/[가-힣]/);
    expect(text).not.toContain("Invalid origin");
    await session.context.close();
  });
});

describe("passwords stay out of URLs", () => {
  it("without JavaScript, the sign-up and sign-in forms post, and cannot send the password in a URL", async () => {
    const context = await browser.newContext({ baseURL: baseUrl, javaScriptEnabled: false, locale: "ko-KR" });
    const page = await context.newPage();
    const urls: string[] = [];
    page.on("request", (request) => urls.push(request.url()));
    for (const route of ["/sign-up", "/sign-in"]) {
      await page.goto(route);
      const form = page.locator("form:has(input[type=password])");
      expect(await form.count()).toBe(1);
      expect(await form.getAttribute("method")).toBe("post");
      if (route === "/sign-up") await page.locator('input[name="name"]').fill("자바스크립트 없음");
      await page.locator('input[name="email"]').fill("no-js@example.org");
      await page.locator('input[name="password"]').fill("secret-password-123");
      // Enter submits a form (implicit submission) unless its submit button is disabled.
      await page.locator('input[name="password"]').press("Enter");
      await page.waitForLoadState("load");
      expect(await page.locator('button[type="submit"]').isDisabled()).toBe(true);
    }
    expect(urls.filter((url) => url.includes("secret-password") || url.includes("password="))).toEqual([]);
    await context.close();
  });
});

describe("security headers", () => {
  it("every page says what may run, that it may not be framed, and not to sniff types", async () => {
    for (const route of ["/", "/exercises/sigmoid", "/sign-up"]) {
      const response = await fetch(`${baseUrl}${route}`);
      const csp = response.headers.get("content-security-policy") ?? "";
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(response.headers.get("x-frame-options")).toBe("DENY");
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    }
  });
});
