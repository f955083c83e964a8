// The test object every spec uses: Playwright's, plus a guard that fails a test when the page
// logs a console error, throws, or sends a request anywhere but the app's own origin.
import { test as base, expect } from "@playwright/test";

export interface GuardOptions {
  /** For tests that break the page on purpose. */
  readonly allowConsoleErrors: boolean;
}

export const test = base.extend<GuardOptions & { guard: void }>({
  allowConsoleErrors: [false, { option: true }],
  guard: [
    async ({ page, baseURL, allowConsoleErrors }, use) => {
      const origin = new URL(baseURL ?? "http://127.0.0.1").origin;
      const errors: string[] = [];
      const foreign: string[] = [];
      page.on("console", (message) => {
        if (message.type() === "error") errors.push(message.text());
      });
      page.on("pageerror", (error) => errors.push(`uncaught: ${error.message}`));
      page.on("request", (request) => {
        const url = request.url();
        const own = url === origin || url.startsWith(`${origin}/`);
        if (!own && !url.startsWith("data:") && !url.startsWith("blob:")) foreign.push(url);
      });
      await use();
      expect(foreign, "requests that left the app's origin").toEqual([]);
      if (!allowConsoleErrors) expect(errors, "console errors").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
