// `npm run bench:web`: builds the app, serves the build with `vite preview` on a free port, and
// measures (1) the JavaScript each route loads in Chromium (raw and gzip bytes of every JS
// response) and (2) Lighthouse mobile on `/`, three runs, median. Prints a table, then as its
// last line one JSON object; exits 1 when a budget is exceeded.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createServer } from "node:net";
import { gzipSync } from "node:zlib";
import { chromium } from "@playwright/test";
import type { Browser, Response } from "@playwright/test";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { build, preview } from "vite";
import { CHROMIUM_ARGS, chromiumExecutable } from "./chromium";

const BUDGET = { home_js_gzip_kb: 150, lcp_ms: 1800, tbt_ms: 50, cls: 0.02, performance: 98 } as const;
const LIGHTHOUSE_RUNS = 3;
const FIXED_ROUTES = ["/", "/lab", "/learn", "/escape", "/quiz", "/embed/lesson/example", "/no-such-page"];
/** Index pages whose first card link is measured too (a lesson, a scenario, a quiz). */
const CONTENT_INDEXES = ["/learn", "/escape", "/quiz"];
/** The home page once the visitor has pressed a key and the app has loaded. */
const HOME_AFTER_INTENT = "/ (after first key)";

interface JsWeight { readonly files: number; readonly rawBytes: number; readonly gzipBytes: number }
interface LighthouseRun { readonly performance: number; readonly lcp_ms: number; readonly tbt_ms: number; readonly cls: number }

const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Every JS file one fresh page load requests. The bodies are fetched again from the server
 * afterwards: the browser may already have dropped a body it consumed (a module chunk).
 */
async function measureJs(browser: Browser, url: string, withIntent = false): Promise<JsWeight> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const urls = new Set<string>();
  page.on("response", (response: Response) => {
    const type = response.headers()["content-type"] ?? "";
    if (response.request().resourceType() === "script" || type.includes("javascript")) urls.add(response.url());
  });
  await page.goto(url, { waitUntil: "networkidle" });
  // A slow machine can go idle between the app script and the page chunks it then requests.
  await page.getByRole("heading", { level: 1 }).first().waitFor();
  await page.waitForLoadState("networkidle");
  if (withIntent) {
    // The prerendered home page loads the app on the first key press (decision 0006).
    await page.keyboard.press("Tab");
    await page.locator("html[data-app=ready]").waitFor();
    await page.waitForLoadState("networkidle");
  }
  await context.close();
  const buffers = await Promise.all(
    [...urls].map(async (jsUrl) => Buffer.from(await (await fetch(jsUrl)).arrayBuffer())),
  );
  return {
    files: buffers.length,
    rawBytes: buffers.reduce((sum, b) => sum + b.length, 0),
    gzipBytes: buffers.reduce((sum, b) => sum + gzipSync(b, { level: 9 }).length, 0),
  };
}

/** The first card link of each content index, so one lesson, scenario and quiz are measured. */
async function contentRoutes(browser: Browser, base: string): Promise<string[]> {
  const page = await browser.newPage();
  const routes: string[] = [];
  for (const index of CONTENT_INDEXES) {
    await page.goto(base + index, { waitUntil: "networkidle" });
    const href = await page.locator("main li h2 a").first().getAttribute("href", { timeout: 2_000 }).catch(() => null);
    if (href) routes.push(href);
  }
  await page.close();
  return routes;
}

async function runLighthouse(url: string, chromePath: string): Promise<LighthouseRun> {
  const chrome = await chromeLauncher.launch({
    chromePath,
    chromeFlags: ["--headless=new", ...CHROMIUM_ARGS],
  });
  try {
    const result = await lighthouse(url, { port: chrome.port, output: "json", logLevel: "error", onlyCategories: ["performance"] });
    if (!result) throw new Error("Lighthouse returned no result");
    const { categories, audits } = result.lhr;
    return {
      performance: Math.round((categories.performance?.score ?? 0) * 100),
      lcp_ms: Math.round(audits["largest-contentful-paint"]?.numericValue ?? NaN),
      tbt_ms: Math.round(audits["total-blocking-time"]?.numericValue ?? NaN),
      cls: Math.round((audits["cumulative-layout-shift"]?.numericValue ?? NaN) * 1000) / 1000,
    };
  } finally {
    chrome.kill();
  }
}

async function main(): Promise<void> {
  execFileSync(process.execPath, ["scripts/ensure-browser.mjs"], { stdio: "inherit" });
  const executablePath = chromiumExecutable();
  // A private output folder: a `vite build` run meanwhile (npm test) cannot swap files under us.
  const outDir = mkdtempSync(join(tmpdir(), "isolab-bench-web-"));
  await build({ logLevel: "error", build: { outDir, emptyOutDir: true } });
  const port = await freePort();
  const server = await preview({ logLevel: "warn", build: { outDir }, preview: { host: "127.0.0.1", port, strictPort: true } });
  const base = `http://127.0.0.1:${port}`;
  try {
    const browser = await chromium.launch({ executablePath, args: [...CHROMIUM_ARGS] });
    const routes = [...FIXED_ROUTES, ...(await contentRoutes(browser, base))];
    const js = new Map<string, JsWeight>();
    for (const route of routes) js.set(route, await measureJs(browser, base + route));
    js.set(HOME_AFTER_INTENT, await measureJs(browser, `${base}/`, true));
    const chromePath = executablePath ?? chromium.executablePath();
    await browser.close();

    const runs: LighthouseRun[] = [];
    for (let i = 0; i < LIGHTHOUSE_RUNS; i++) runs.push(await runLighthouse(`${base}/`, chromePath));
    report(js, runs);
  } finally {
    await server.close();
    rmSync(outDir, { recursive: true, force: true });
  }
}

function report(js: Map<string, JsWeight>, runs: LighthouseRun[]): void {
  const lh = {
    performance: median(runs.map((r) => r.performance)),
    lcp_ms: median(runs.map((r) => r.lcp_ms)),
    tbt_ms: median(runs.map((r) => r.tbt_ms)),
    cls: median(runs.map((r) => r.cls)),
  };
  const home = kb(js.get("/")?.gzipBytes ?? NaN);
  const homeApp = kb(js.get(HOME_AFTER_INTENT)?.gzipBytes ?? NaN);
  const within =
    home <= BUDGET.home_js_gzip_kb && homeApp <= BUDGET.home_js_gzip_kb && lh.lcp_ms <= BUDGET.lcp_ms && lh.tbt_ms <= BUDGET.tbt_ms &&
    lh.cls <= BUDGET.cls && lh.performance >= BUDGET.performance;

  console.log("\nJavaScript loaded per route (fresh load)");
  console.table([...js].map(([route, w]) => ({ route, files: w.files, "raw KB": kb(w.rawBytes), "gzip KB": kb(w.gzipBytes) })));
  console.log(`Lighthouse mobile on /, ${runs.length} runs (median last)`);
  console.table([...runs.map((r, i) => ({ run: String(i + 1), ...r })), { run: "median", ...lh }]);
  const rows: [string, number, string, boolean][] = [
    ["/ JS gzip KB", home, `<= ${BUDGET.home_js_gzip_kb}`, home <= BUDGET.home_js_gzip_kb],
    ["/ JS gzip KB, app loaded", homeApp, `<= ${BUDGET.home_js_gzip_kb}`, homeApp <= BUDGET.home_js_gzip_kb],
    ["LCP ms", lh.lcp_ms, `<= ${BUDGET.lcp_ms}`, lh.lcp_ms <= BUDGET.lcp_ms],
    ["TBT ms", lh.tbt_ms, `<= ${BUDGET.tbt_ms}`, lh.tbt_ms <= BUDGET.tbt_ms],
    ["CLS", lh.cls, `<= ${BUDGET.cls}`, lh.cls <= BUDGET.cls],
    ["performance", lh.performance, `>= ${BUDGET.performance}`, lh.performance >= BUDGET.performance],
  ];
  console.log("Budgets");
  console.table(rows.map(([metric, value, budget, ok]) => ({ metric, value, budget, ok: ok ? "yes" : "NO" })));

  const summary = {
    route_js_gzip_kb: Object.fromEntries([...js].map(([route, w]) => [route, kb(w.gzipBytes)])),
    home_js_gzip_kb: home,
    home_app_js_gzip_kb: homeApp,
    lighthouse: lh,
    budget: BUDGET,
    within_budget: within,
  };
  mkdirSync("bench-results", { recursive: true });
  writeFileSync("bench-results/web.json", `${JSON.stringify({ ...summary, runs }, null, 2)}\n`);
  console.log(JSON.stringify(summary));
  if (!within) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
