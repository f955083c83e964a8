/**
 * The source of the `virtual:isolab-content` modules that the Vite plugin serves: the course
 * index (small, in the main bundle) and one module per lesson, scenario and quiz, imported
 * dynamically so each item is its own chunk, loaded when the learner opens it.
 */
import type { CompiledCourse } from "./load-course.ts";

export const CONTENT_MODULE_ID = "virtual:isolab-content";

/** Kinds of item module, with the loader each kind gets in the index module. */
const ITEM_MODULES = {
  lesson: { loader: "loadLesson", items: (c: CompiledCourse) => c.lessons },
  scenario: { loader: "loadScenario", items: (c: CompiledCourse) => c.scenarios },
  quiz: { loader: "loadQuiz", items: (c: CompiledCourse) => c.quizzes },
} as const;

type ItemModuleKind = keyof typeof ITEM_MODULES;

export const itemModuleId = (kind: ItemModuleKind, id: string) => `${CONTENT_MODULE_ID}/${kind}/${id}`;

function renderLoader(kind: ItemModuleKind, ids: Iterable<string>): string {
  const { loader } = ITEM_MODULES[kind];
  const entries = [...ids].map((id) => `  [${JSON.stringify(id)}, () => import(${JSON.stringify(itemModuleId(kind, id))})],`);
  return [
    `const ${kind}Modules = new Map([`,
    ...entries,
    "]);",
    `export function ${loader}(id) {`,
    `  const load = ${kind}Modules.get(id);`,
    "  return load ? load().then((module) => module.default) : Promise.resolve(undefined);",
    "}",
  ].join("\n");
}

/** `export const course` plus `loadLesson`, `loadScenario` and `loadQuiz`. */
export function renderIndexModule(course: CompiledCourse): string {
  const loaders = (Object.keys(ITEM_MODULES) as ItemModuleKind[]).map((kind) =>
    renderLoader(kind, ITEM_MODULES[kind].items(course).keys()),
  );
  return [
    "// Generated from content/ by the isolab content plugin (scripts/vite-content-plugin.ts).",
    `export const course = ${JSON.stringify(course.index)};`,
    ...loaders,
    "",
  ].join("\n");
}

/** The module of one item (`virtual:isolab-content/lesson/<id>`), or undefined for an unknown id. */
export function renderItemModule(course: CompiledCourse, moduleId: string): string | undefined {
  const match = /^virtual:isolab-content\/(lesson|scenario|quiz)\/([a-z0-9-]+)$/.exec(moduleId);
  if (!match) return undefined;
  const kind = match[1] as ItemModuleKind;
  const item: unknown = ITEM_MODULES[kind].items(course).get(match[2] ?? "");
  return item === undefined ? undefined : `export default ${JSON.stringify(item)};\n`;
}
