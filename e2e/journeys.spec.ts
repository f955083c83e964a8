// Short journeys through the app shell: navigation, not-found pages, the error boundary.
import { expect, test } from "./fixtures";

test("the main navigation reaches every section", async ({ page }) => {
  await page.goto("/");
  const nav = page.getByRole("navigation", { name: "Main" });
  const sections = [
    ["Lab", "The lab"],
    ["Learn", "Lessons"],
    ["Escape room", "Escape room"],
    ["Quiz", "Quizzes"],
  ] as const;
  for (const [link, heading] of sections) {
    await nav.getByRole("link", { name: link, exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: heading, exact: true })).toBeVisible();
    await expect(nav.getByRole("link", { name: link, exact: true })).toHaveAttribute("aria-current", "page");
  }
  await page.getByRole("link", { name: "Isolation Lab" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /container from a virtual machine/ })).toBeVisible();
});

test("pages still being built say so", async ({ page }) => {
  await page.goto("/lab");
  await expect(page.getByRole("region", { name: "The lab opens with the kernel simulator" })).toContainText("In progress");
  await page.goto("/embed/quiz/anything");
  await expect(page.getByRole("region", { name: "Embedding is not available yet" })).toBeVisible();
});

test("an unknown lesson says so and links back to the lessons", async ({ page }) => {
  await page.goto("/learn/no-such-lesson");
  await expect(page.getByRole("heading", { level: 1, name: "Lesson not found" })).toBeVisible();
  await page.getByRole("link", { name: "See all lessons" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Lessons" })).toBeVisible();
});

test("the 404 page links home", async ({ page }) => {
  await page.goto("/nowhere");
  await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
  await page.getByRole("link", { name: "Go to the home page" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /container from a virtual machine/ })).toBeVisible();
});

test("the first lesson opens from the list and renders its body", async ({ page }) => {
  await page.goto("/learn");
  const first = page.getByRole("main").getByRole("listitem").getByRole("heading", { level: 2 }).getByRole("link").first();
  test.skip((await first.count()) === 0, "the course has no lessons yet");
  const title = (await first.textContent())?.trim() ?? "";
  await first.click();
  await expect(page.getByRole("heading", { level: 1, name: title, exact: true })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link", { name: "Lessons" })).toBeVisible();
  await expect(page.getByRole("main").getByRole("paragraph").first()).toBeVisible();
});

test.describe("when a page's code fails to load", () => {
  test.use({ allowConsoleErrors: true });

  test("the error boundary shows a friendly message with a way home", async ({ page }) => {
    await page.route(/\/assets\/LabPage-[^/]*\.js$/, (route) => route.abort());
    await page.goto("/");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Lab", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Something went wrong" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Go to the home page" })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
  });
});
