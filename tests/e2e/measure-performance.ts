// Measures the production build in chromium with the browser's own Performance API (Web Vitals:
// TTFB, FCP, LCP, CLS, plus transferred JavaScript) for the catalog and an exercise page, cold
// (fresh context) and warm, and prints a Markdown table for docs/performance.md.
// Run against a started server: `E2E_BASE_URL=http://127.0.0.1:3000 npx tsx tests/e2e/measure-performance.ts`.
import { launchBrowser, newSession } from "./browser";

interface Vitals {
  ttfb: number;
  fcp: number;
  lcp: number;
  cls: number;
  jsKb: number;
  editorReadyMs: number | null;
}

const baseUrl = process.env.E2E_BASE_URL ?? "http://127.0.0.1:3000";
const ROUTES = ["/", "/exercises/sigmoid", "/exercises/backward-propagation"];
const RUNS = Number(process.env.PERF_RUNS ?? 3);

async function measure(route: string, warm: boolean): Promise<Vitals> {
  const browser = await launchBrowser();
  const { page, context } = await newSession(browser, baseUrl);
  await page.addInitScript(() => {
    const w = window as unknown as { __lcp: number; __cls: number };
    w.__lcp = 0;
    w.__cls = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.__lcp = entry.startTime;
    }).observe({ type: "largest-contentful-paint", buffered: true });
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
        if (!entry.hadRecentInput) w.__cls += entry.value;
      }
    }).observe({ type: "layout-shift", buffered: true });
  });
  if (warm) await page.goto(route, { waitUntil: "networkidle" });
  const started = Date.now();
  await page.goto(route, { waitUntil: "networkidle" });
  let editorReadyMs: number | null = null;
  if (route.startsWith("/exercises/")) {
    await page.locator(".monaco-editor").first().waitFor({ timeout: 60_000 });
    editorReadyMs = Date.now() - started;
  }
  await page.waitForTimeout(500);
  const vitals = await page.evaluate(() => {
    const w = window as unknown as { __lcp: number; __cls: number };
    const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
    const fcp = performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? NaN;
    const js = (performance.getEntriesByType("resource") as PerformanceResourceTiming[])
      .filter((r) => r.name.endsWith(".js"))
      .reduce((sum, r) => sum + r.transferSize, 0);
    return { ttfb: nav.responseStart, fcp, lcp: w.__lcp, cls: w.__cls, jsKb: js / 1024 };
  });
  await context.close();
  await browser.close();
  return { ...vitals, editorReadyMs };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

console.log(`| page | cache | TTFB ms | FCP ms | LCP ms | CLS | JS transferred KiB | editor ready ms |`);
console.log(`|---|---|---|---|---|---|---|---|`);
for (const route of ROUTES) {
  for (const warm of [false, true]) {
    const samples: Vitals[] = [];
    for (let i = 0; i < RUNS; i++) samples.push(await measure(route, warm));
    const m = (key: keyof Vitals) => median(samples.map((s) => s[key] ?? NaN));
    const editor = m("editorReadyMs");
    console.log(
      `| ${route} | ${warm ? "warm" : "cold"} | ${m("ttfb").toFixed(0)} | ${m("fcp").toFixed(0)} | ${m("lcp").toFixed(0)} | ${m("cls").toFixed(3)} | ${m("jsKb").toFixed(0)} | ${Number.isNaN(editor) ? "–" : editor.toFixed(0)} |`,
    );
  }
}
