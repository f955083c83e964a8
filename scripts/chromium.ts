// Which Chromium the e2e tests and the web benchmark drive, and how they launch it.
// scripts/ensure-browser.mjs records the browser it found in MARKER; $ISOLAB_CHROMIUM overrides
// it; an empty record means Playwright's own download (executablePath undefined).
import { existsSync, readFileSync } from "node:fs";

export const CHROMIUM_MARKER = "node_modules/.cache/isolab-chromium";

/** Flags that let Debian's Chromium run headless as root in a container, with no background traffic. */
export const CHROMIUM_ARGS: readonly string[] = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

export function chromiumExecutable(): string | undefined {
  const recorded = existsSync(CHROMIUM_MARKER) ? readFileSync(CHROMIUM_MARKER, "utf8").trim() : "";
  return process.env.ISOLAB_CHROMIUM || recorded || undefined;
}
