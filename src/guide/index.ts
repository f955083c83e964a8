// Door of src/guide: other layers import only from here.
export type { CompiledLesson, ConceptSummary, CourseIndex, LessonSummary, QuizSummary, ScenarioSummary } from "./content/compiled.ts";
export type { Check, World } from "./content/fields.schema.ts";
export type { LessonFrontmatter } from "./content/lesson.schema.ts";
export { lessonFrontmatterSchema } from "./content/lesson.schema.ts";
export type { Scenario } from "./content/scenario.schema.ts";
export { scenarioSchema } from "./content/scenario.schema.ts";
export type { CourseManifest } from "./content/course.schema.ts";
export { courseManifestSchema, FOLDER_PATTERN } from "./content/course.schema.ts";
export type { BlockingLayer, DefenseName } from "./content/defenses.ts";
export { BLOCKING_LAYERS, DEFENSES, DEFENSE_NAMES } from "./content/defenses.ts";
export type { DirectiveSpec } from "./content/lesson-directives.ts";
export { DIAGRAM_FOCI, LESSON_DIRECTIVES } from "./content/lesson-directives.ts";
export type { LessonIssue, LessonTreeReport } from "./content/check-lesson-tree.ts";
export { checkLessonTree } from "./content/check-lesson-tree.ts";
export type { FieldIssue } from "./content/author-messages.ts";
export { authorMessage, contentErrorMap, formatFieldPath, toFieldIssues } from "./content/author-messages.ts";
