/**
 * Types of `virtual:isolab-content`, the module that scripts/vite-content-plugin.ts compiles
 * from content/ at build time (a content error fails the build, so these values are valid).
 */
/* eslint-disable @typescript-eslint/consistent-type-imports -- an ambient module declaration
   cannot import from relative paths, so import() types are the only way to name these types. */
declare module "virtual:isolab-content" {
  /** The course index: title, concepts, and the lessons, scenarios and quizzes in reading order. */
  export const course: import("../guide/index.ts").CourseIndex;
  /** One lesson with its Markdown tree, loaded as its own chunk; undefined for an unknown id. */
  export function loadLesson(id: string): Promise<import("../guide/index.ts").CompiledLesson | undefined>;
  /** One escape scenario, loaded as its own chunk; undefined for an unknown id. */
  export function loadScenario(id: string): Promise<import("../guide/index.ts").Scenario | undefined>;
  /** One quiz, loaded as its own chunk; undefined for an unknown id. */
  export function loadQuiz(id: string): Promise<import("../quiz/index.ts").Quiz | undefined>;
}
