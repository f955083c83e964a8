// The home page is prerendered: it reads and works before any script runs, the app attaches
// on the visitor's first sign of intent, and every other route ignores the prerendered markup.
import { expect, test } from "./fixtures";

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the home page shows its heading, picture and links", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(/container from a virtual machine/);
    await expect(page.getByRole("figure", { name: /share the host’s kernel/ })).toBeVisible();
    await expect(page.getByRole("region", { name: "Four ways in" }).getByRole("link")).toHaveCount(4);
  });
});

test("the first pointer or key loads the app, which then navigates in place", async ({ page }) => {
  await page.goto("/");
  const scripts: string[] = [];
  page.on("request", (request) => {
    if (request.resourceType() === "script") scripts.push(request.url());
  });
  await page.waitForTimeout(300);
  expect(scripts, "no app script before any intent").toEqual([]);

  await page.keyboard.press("Tab");
  await expect.poll(() => scripts.some((url) => /\/start-[\w-]+\.js$/.test(url))).toBe(true);
  await expect(page.locator("html")).toHaveAttribute("data-app", "ready", { timeout: 15_000 });
  // A marker on window survives a client-side navigation, not a document load.
  await page.evaluate(() => Object.assign(window, { isolabMarker: true }));
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Lab", exact: true }).click();
  await expect(page).toHaveURL(/\/lab$/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  expect(await page.evaluate(() => (window as { isolabMarker?: boolean }).isolabMarker)).toBe(true);
});

test("another route never shows the prerendered home page", async ({ page }) => {
  await page.goto("/learn");
  await expect(page.getByRole("heading", { level: 1 })).not.toHaveText(/container from a virtual machine/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveCount(1);
});
