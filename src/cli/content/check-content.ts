/**
 * What `npm run content:check` reports: every content error, one line each, or a one-line
 * summary when the course and its published JSON Schemas are valid.
 */
import type { ContentError } from "./content-error.ts";
import { formatContentError } from "./content-error.ts";
import { checkSchemaDrift, schemaFilesOf } from "./json-schemas.ts";
import type { CompiledCourse } from "./load-course.ts";
import { loadCourse } from "./load-course.ts";

export interface ContentCheck {
  readonly ok: boolean;
  /** Error lines (on failure) or the summary line (on success). */
  readonly lines: readonly string[];
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function summarize(course: CompiledCourse): string {
  const { lessons, scenarios, quizzes } = course.index;
  return (
    `content: ${count(lessons.length, "lesson", "lessons")}, ${count(scenarios.length, "scenario", "scenarios")}, ` +
    `${count(quizzes.length, "quiz", "quizzes")} — all valid`
  );
}

/**
 * Checks a content folder's files (as readContentDir returns them); `root` names it in messages.
 * `schemas: false` skips the JSON Schema drift check, for a course other than the published one.
 */
export function checkContent(files: ReadonlyMap<string, string>, root = "content", { schemas = true } = {}): ContentCheck {
  const course = loadCourse(files, root);
  const drift: ContentError[] = schemas ? checkSchemaDrift(schemaFilesOf(files), `${root}/schema`) : [];
  const errors = [...(course.ok ? [] : course.error), ...drift];
  if (!course.ok || errors.length > 0) return { ok: false, lines: errors.map(formatContentError) };
  return { ok: true, lines: [summarize(course.value)] };
}
