// The home page by keyboard alone: Tab order, a visible focus ring on every stop, the skip
// link, and Enter following a link.
import type { Locator, Page } from "@playwright/test";
import { expect, test } from "./fixtures";

const WAYS_IN = ["Open the lab", "Start a lesson", "Enter the escape room", "Take a quiz"];

function tabStops(page: Page): Locator[] {
  const nav = page.getByRole("navigation", { name: "Main" });
  const ways = page.getByRole("region", { name: "Four ways in" });
  return [
    page.getByRole("link", { name: "Skip to content" }),
    page.getByRole("link", { name: "Isolation Lab" }),
    ...["Lab", "Learn", "Escape room", "Quiz"].map((name) => nav.getByRole("link", { name, exact: true })),
    ...WAYS_IN.map((name) => ways.getByRole("link", { name })),
  ];
}

/** A focus ring the eye can see: an outline at least 2 px wide, not `none`, in view. */
async function expectVisiblyFocused(stop: Locator): Promise<void> {
  await expect(stop).toBeFocused();
  await expect(stop).toBeInViewport();
  const ring = await stop.evaluate((el) => {
    const style = getComputedStyle(el);
    return { style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
  });
  expect(ring.style).not.toBe("none");
  expect(ring.width).toBeGreaterThanOrEqual(2);
}

test("Tab visits the skip link, the navigation and the four ways in, in order, each visibly focused", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  for (const stop of tabStops(page)) {
    await page.keyboard.press("Tab");
    await expectVisiblyFocused(stop);
  }
});

test("the skip link jumps to the content, and Enter follows a way in", async ({ page }) => {
  await page.goto("/");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Skip to content" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("main")).toBeFocused();

  await page.keyboard.press("Tab");
  const first = page.getByRole("region", { name: "Four ways in" }).getByRole("link", { name: WAYS_IN[0] });
  await expectVisiblyFocused(first);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/lab$/);
  await expect(page.getByRole("heading", { level: 1, name: "The lab" })).toBeVisible();
  await expect(page.getByRole("main")).toBeFocused();
});

test("Shift+Tab walks back through the navigation", async ({ page }) => {
  await page.goto("/");
  const stops = tabStops(page);
  for (let i = 0; i < 6; i++) await page.keyboard.press("Tab");
  await expect(stops[5]!).toBeFocused();
  await page.keyboard.press("Shift+Tab");
  await expectVisiblyFocused(stops[4]!);
});
