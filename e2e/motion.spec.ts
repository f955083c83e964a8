// The home picture: animated in by default, drawn complete at once when the user prefers
// reduced motion; its text equivalent names every layer either way.
import { expect, test } from "./fixtures";
import { picture, pictureComplete, pictureState } from "./picture";

test("the picture has a text equivalent that lists both stacks", async ({ page }) => {
  await page.goto("/");
  const figure = picture(page);
  await expect(figure).toBeVisible();
  const caption = figure.getByText(/Containers, top to bottom/);
  await expect(caption).toHaveText(/app, libraries, container runtime, shared host kernel, hardware/);
  await expect(caption).toHaveText(/Virtual machines, top to bottom: app, libraries, guest kernel, hypervisor, hardware/);
});

test("by default the picture animates in and ends complete", async ({ page }) => {
  await page.goto("/");
  await expect(picture(page)).toBeVisible();
  await expect.poll(() => pictureComplete(page), { timeout: 5_000 }).toBe(true);
});

test.describe("with reduced motion", () => {
  test.use({ reducedMotion: "reduce" });

  test("the picture is present and complete from the first frame", async ({ page }) => {
    await page.goto("/");
    await expect(picture(page)).toBeVisible();
    // No polling: complete on the first look, with nothing left to animate.
    expect(await pictureState(page)).not.toEqual([]);
    expect(await pictureComplete(page)).toBe(true);
  });
});
