#!/usr/bin/env node
// Makes a Chromium available for the e2e tests, without downloads Playwright cannot do here:
// 1. $ISOLAB_CHROMIUM, or an installed Chromium on the usual paths;
// 2. as root on Debian/Ubuntu: `apt-get install -y chromium` (Debian's package);
// 3. elsewhere: `npx playwright install chromium` (Playwright's own build).
// Prints the path it found, and writes it to node_modules/.cache/isolab-chromium for playwright.config.ts.
import { execSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";

const CANDIDATES = ["/usr/bin/chromium", "/usr/lib/chromium/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];
const MARKER = "node_modules/.cache/isolab-chromium";

const found = () => [process.env.ISOLAB_CHROMIUM, ...CANDIDATES].find((p) => p && existsSync(p));
const run = (cmd) => execSync(cmd, { stdio: "inherit" });
const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
const isDebian = existsSync("/etc/debian_version") && existsSync("/usr/bin/apt-get");

let path = found();
if (!path && isRoot && isDebian) {
  console.log("ensure-browser: installing Debian's chromium with apt-get");
  run("apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium");
  path = found();
}
if (!path) {
  console.log("ensure-browser: no system Chromium; using `npx playwright install chromium`");
  run("npx playwright install chromium");
  path = "playwright";
}
mkdirSync("node_modules/.cache", { recursive: true });
writeFileSync(MARKER, path === "playwright" ? "" : path);
console.log(`ensure-browser: ${path === "playwright" ? "Playwright's bundled Chromium" : path}`);
