import { existsSync, readFileSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

// scripts/ensure-browser.mjs (run by `npm run test:e2e`) records which Chromium to drive;
// an empty record means Playwright's own download.
const MARKER = "node_modules/.cache/isolab-chromium";
const recorded = existsSync(MARKER) ? readFileSync(MARKER, "utf8").trim() : "";
const executablePath = process.env.ISOLAB_CHROMIUM || recorded || undefined;
const PORT = 4173;

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [["list"]] : [["list"]],
  forbidOnly: !!process.env.CI,
  timeout: 30_000,
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath,
      args: [
        "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  webServer: {
    command: `npx vite preview --host 127.0.0.1 --port ${PORT} --strictPort`,
    url: `http://127.0.0.1:${PORT}`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
