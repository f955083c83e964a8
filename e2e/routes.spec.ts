// Every route, loaded fresh once: its one main heading shows; axe finds no serious or critical
// violation in the light scheme, nor with its colour rules in the dark scheme; at 360 px wide nothing scrolls
// sideways. Throughout, the guard in fixtures.ts fails the test on any console error or any
// request that leaves the app's origin.
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { pictureComplete } from "./picture";
import { mainHeading, resolveRoute, ROUTES } from "./routes";

// Two full axe runs per page: allow for a slow machine.
test.describe.configure({ timeout: 60_000 });

/** Rules whose outcome depends on colours: the only ones the colour scheme can change. */
const COLOUR_RULES = ["color-contrast", "color-contrast-enhanced", "link-in-text-block"];

async function seriousViolations(page: Page, rules?: string[]): Promise<string[]> {
  const builder = new AxeBuilder({ page });
  const { violations } = await (rules ? builder.withRules(rules) : builder).analyze();
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

for (const route of ROUTES) {
  test(`${route.name}: main heading, axe light and dark, fits 360 px, no console error or foreign request`, async ({ page }) => {
    const resolved = await resolveRoute(page, route);
    test.skip(!resolved, `the course has no item for ${route.name} yet`);
    if (!resolved) return;
    await page.emulateMedia({ colorScheme: "light" });
    await page.goto(resolved.path);
    await expect(mainHeading(page, resolved)).toBeVisible();
    await expect(page.getByRole("heading", { level: 1 })).toHaveCount(1);
    await expect(page.getByRole("main")).toBeVisible();

    // Colour contrast is judged on the finished picture, not halfway through its animation.
    if (resolved.path === "/") await expect.poll(() => pictureComplete(page), { timeout: 5_000 }).toBe(true);
    expect(await seriousViolations(page), "axe, light scheme").toEqual([]);
    await page.emulateMedia({ colorScheme: "dark" });
    // The dark scheme changes colours only (no element is shown or hidden by scheme).
    expect(await seriousViolations(page, COLOUR_RULES), "axe colour rules, dark scheme").toEqual([]);

    await page.setViewportSize({ width: 360, height: 780 });
    const widths = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      innerWidth: window.innerWidth,
    }));
    expect(widths.innerWidth).toBe(360);
    expect(widths.scrollWidth, "page width at 360 px").toBeLessThanOrEqual(widths.innerWidth);
  });
}
