/**
 * The shape of compiled content as the app receives it from the `virtual:isolab-content` module
 * (built at build time from `content/` by the content plugin, after validation).
 * Lesson bodies are Markdown syntax trees (mdast), never HTML strings, so instructor-written
 * lessons cannot inject markup or scripts.
 */
import type { Root } from "mdast";
import type { World } from "./fields.schema.ts";

/** A concept declared in content/course.yaml, which items list by id. */
export interface ConceptSummary {
  readonly id: string;
  readonly title: string;
  readonly summary: string;
}

export interface LessonSummary {
  readonly id: string;
  readonly slug: string;
  readonly title: string;
  readonly summary: string;
  readonly concepts: readonly string[];
  readonly minutes: number;
  /** Ids of lessons to read first (each comes earlier in the course). */
  readonly prerequisites: readonly string[];
}

export interface ScenarioSummary {
  readonly id: string;
  readonly slug: string;
  readonly title: string;
  readonly summary: string;
  readonly difficulty: "beginner" | "intermediate" | "advanced";
  readonly concepts: readonly string[];
  readonly minutes: number;
}

export interface QuizSummary {
  readonly id: string;
  readonly slug: string;
  readonly title: string;
  readonly summary: string;
  readonly concepts: readonly string[];
  readonly questionCount: number;
}

export interface CourseIndex {
  readonly title: string;
  readonly concepts: readonly ConceptSummary[];
  readonly lessons: readonly LessonSummary[];
  readonly scenarios: readonly ScenarioSummary[];
  readonly quizzes: readonly QuizSummary[];
}

export interface CompiledLesson extends LessonSummary {
  /** The world behind the lesson's `::terminal` directives, when the frontmatter sets one. */
  readonly world?: World;
  /** The lesson body without source positions; directives are mdast-util-directive nodes. */
  readonly body: Root;
}
