/**
 * The one place the UI reads course content from: the `virtual:isolab-content` module that the
 * content plugin (scripts/vite-content-plugin.ts) builds from `content/` at build time. Pages use
 * the selectors below, never the virtual module directly.
 */
import type { ConceptSummary, LessonSummary, QuizSummary, ScenarioSummary } from "../guide/index.ts";
import { course, loadLesson, loadScenario } from "virtual:isolab-content";

export { course, loadLesson, loadScenario };

export type { CompiledLesson, CourseIndex, LessonSummary, QuizSummary, Scenario, ScenarioSummary } from "../guide/index.ts";

export const findQuiz = (id: string | undefined): QuizSummary | undefined =>
  course.quizzes.find((q) => q.id === id);

export const findScenario = (id: string | undefined): ScenarioSummary | undefined =>
  course.scenarios.find((s) => s.id === id);

/** A concept's title and summary; an id the course does not declare is shown as it is. */
export const findConcept = (id: string): ConceptSummary =>
  course.concepts.find((c) => c.id === id) ?? { id, title: id, summary: "" };

/** The lessons before and after `id` in reading order, for the pager at a lesson's end. */
export function lessonNeighbours(id: string): { previous?: LessonSummary; next?: LessonSummary } {
  const index = course.lessons.findIndex((l) => l.id === id);
  if (index < 0) return {};
  return { previous: course.lessons[index - 1], next: course.lessons[index + 1] };
}
