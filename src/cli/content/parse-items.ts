/**
 * Parses the main file of every item folder (lesson.md, scenario.yaml, quiz.yaml), keeping each
 * item's folder and field lines so the course loader can report cross-reference errors in place.
 */
import { scenarioSchema } from "../../guide/index.ts";
import type { Scenario } from "../../guide/index.ts";
import { quizSchema } from "../../quiz/index.ts";
import type { Quiz } from "../../quiz/index.ts";
import type { ContentError } from "./content-error.ts";
import type { ItemKind } from "./folders.ts";
import { MAIN_FILE, slugOf } from "./folders.ts";
import type { ParsedLesson } from "./parse-lesson.ts";
import { parseLesson } from "./parse-lesson.ts";
import type { Result } from "../../lib/index.ts";
import type { YamlSource } from "./yaml-source.ts";
import type { Located } from "./validate.ts";
import { validateYamlFile } from "./validate.ts";

export interface Item<T> {
  readonly folder: string;
  readonly slug: string;
  /** Display path of the main file, e.g. `content/lessons/01-intro/lesson.md`. */
  readonly file: string;
  readonly value: T;
  readonly lineOf: YamlSource["lineOf"];
}

export interface ParsedItems {
  readonly lessons: readonly Item<ParsedLesson>[];
  readonly scenarios: readonly Item<Scenario>[];
  readonly quizzes: readonly Item<Quiz>[];
  readonly errors: readonly ContentError[];
  /** Kinds with an item that is missing or failed to parse: references to them cannot be checked yet. */
  readonly incomplete: ReadonlySet<ItemKind>;
}

function parseKind<T>(
  kind: ItemKind,
  folders: readonly string[],
  files: ReadonlyMap<string, string>,
  root: string,
  parse: (file: string, text: string) => Result<Located<T>, ContentError[]>,
): { items: Item<T>[]; errors: ContentError[] } {
  const items: Item<T>[] = [];
  const errors: ContentError[] = [];
  for (const folder of folders) {
    const text = files.get(`${kind}/${folder}/${MAIN_FILE[kind]}`);
    if (text === undefined) {
      errors.push({ file: `${root}/${kind}/${folder}`, message: `has no ${MAIN_FILE[kind]}` });
      continue;
    }
    const file = `${root}/${kind}/${folder}/${MAIN_FILE[kind]}`;
    const parsed = parse(file, text);
    if (parsed.ok) items.push({ folder, slug: slugOf(folder), file, ...parsed.value });
    else errors.push(...parsed.error);
  }
  return { items, errors };
}

export function parseItems(files: ReadonlyMap<string, string>, folders: Record<ItemKind, readonly string[]>, root: string): ParsedItems {
  const lessons = parseKind<ParsedLesson>("lessons", folders.lessons, files, root, (file, text) => {
    const lesson = parseLesson(file, text);
    return lesson.ok ? { ok: true, value: { value: lesson.value, lineOf: lesson.value.lineOf } } : lesson;
  });
  const scenarios = parseKind<Scenario>("scenarios", folders.scenarios, files, root, (file, text) =>
    validateYamlFile(file, text, scenarioSchema),
  );
  const quizzes = parseKind<Quiz>("quizzes", folders.quizzes, files, root, (file, text) => validateYamlFile(file, text, quizSchema));
  return {
    lessons: lessons.items,
    scenarios: scenarios.items,
    quizzes: quizzes.items,
    errors: [...lessons.errors, ...scenarios.errors, ...quizzes.errors],
    incomplete: new Set(
      (["lessons", "scenarios", "quizzes"] as const).filter((kind) => ({ lessons, scenarios, quizzes })[kind].errors.length > 0),
    ),
  };
}
