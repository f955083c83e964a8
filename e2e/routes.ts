// The routes every spec walks. Content routes are found from the live index pages (the first
// lesson, scenario and quiz), so editing the course never breaks these tests.
import type { Page } from "@playwright/test";

export interface RouteCase {
  readonly name: string;
  /** A fixed path, or the index page whose first card link leads to the route. */
  readonly path?: string;
  readonly firstLinkOf?: string;
  /** The page's h1; for content routes, the card link's text. */
  readonly heading?: string | RegExp;
}

export const ROUTES: readonly RouteCase[] = [
  { name: "home", path: "/", heading: "See what really separates a container from a virtual machine" },
  { name: "lab", path: "/lab", heading: "The lab" },
  { name: "lessons", path: "/learn", heading: "Lessons" },
  { name: "a lesson", firstLinkOf: "/learn" },
  { name: "unknown lesson", path: "/learn/no-such-lesson", heading: "Lesson not found" },
  { name: "escape room", path: "/escape", heading: "Escape room" },
  { name: "a scenario", firstLinkOf: "/escape" },
  { name: "unknown scenario", path: "/escape/no-such-scenario", heading: "Scenario not found" },
  { name: "quizzes", path: "/quiz", heading: "Quizzes" },
  { name: "a quiz", firstLinkOf: "/quiz" },
  { name: "unknown quiz", path: "/quiz/no-such-quiz", heading: "Quiz not found" },
  { name: "embed", path: "/embed/lesson/what-is-a-container", heading: "Embeds are coming" },
  { name: "404", path: "/no/such/page", heading: "Page not found" },
];

export interface ResolvedRoute {
  readonly path: string;
  readonly heading: string | RegExp;
}

/**
 * The path and heading of a route; undefined when a content index is still empty. Finding a
 * content route visits its index page (once per worker), in the given page.
 */
export async function resolveRoute(page: Page, route: RouteCase): Promise<ResolvedRoute | undefined> {
  if (route.path && route.heading) return { path: route.path, heading: route.heading };
  if (!route.firstLinkOf) throw new Error(`route ${route.name} has neither path nor firstLinkOf`);
  if (!found.has(route.firstLinkOf)) found.set(route.firstLinkOf, await firstCardLink(page, route.firstLinkOf));
  return found.get(route.firstLinkOf);
}

/** Content routes already found in this worker, by index page. */
const found = new Map<string, ResolvedRoute | undefined>();

async function firstCardLink(page: Page, index: string): Promise<ResolvedRoute | undefined> {
  await page.goto(index);
  const list = page.getByRole("main").getByRole("listitem").getByRole("heading", { level: 2 }).getByRole("link");
  await page.getByRole("heading", { level: 1 }).waitFor();
  if ((await list.count()) === 0) return undefined;
  const first = list.first();
  const [href, text] = await Promise.all([first.getAttribute("href"), first.textContent()]);
  if (!href || !text) throw new Error(`first card link of ${index} has no href or text`);
  return { path: href, heading: text.trim() };
}

/** The route's h1, matched exactly when the expected name is a string. */
export function mainHeading(page: Page, route: ResolvedRoute) {
  return page.getByRole("heading", { level: 1, name: route.heading, exact: typeof route.heading === "string" });
}
