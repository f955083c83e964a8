/**
 * Loads a whole course from its files: the manifest, every lesson, scenario and quiz, and the
 * checks between them. Pure (files in, compiled course or errors out), so content:check, the
 * Vite plugin and the tests all run the same code on real or fixture content.
 */
import { courseManifestSchema } from "../../guide/index.ts";
import type { CompiledLesson, CourseIndex, CourseManifest, Scenario } from "../../guide/index.ts";
import { err, ok } from "../../lib/index.ts";
import type { Result } from "../../lib/index.ts";
import type { Quiz } from "../../quiz/index.ts";
import type { ContentError } from "./content-error.ts";
import { sortContentErrors } from "./content-error.ts";
import { checkCrossReferences } from "./cross-refs.ts";
import { checkManifestFolders, findFolders } from "./folders.ts";
import type { Item, ParsedItems } from "./parse-items.ts";
import { parseItems } from "./parse-items.ts";
import type { Located } from "./validate.ts";
import { validateYamlFile } from "./validate.ts";

export interface CompiledCourse {
  readonly index: CourseIndex;
  readonly lessons: ReadonlyMap<string, CompiledLesson>;
  readonly scenarios: ReadonlyMap<string, Scenario>;
  readonly quizzes: ReadonlyMap<string, Quiz>;
}

/** Items in the manifest's order. */
const inOrder = <T>(items: readonly Item<T>[], folders: readonly string[]) =>
  folders.flatMap((folder) => items.filter((item) => item.folder === folder));

function compile(manifest: CourseManifest, items: ParsedItems): CompiledCourse {
  const lessons = inOrder(items.lessons, manifest.lessons).map(({ slug, value: { frontmatter, body } }) => {
    const { id, title, summary, concepts, minutes, prerequisites, world } = frontmatter;
    return { id, slug, title, summary, concepts, minutes, prerequisites, ...(world ? { world } : {}), body };
  });
  const scenarios = inOrder(items.scenarios, manifest.scenarios);
  const quizzes = inOrder(items.quizzes, manifest.quizzes);
  const index: CourseIndex = {
    title: manifest.title,
    concepts: manifest.concepts,
    lessons: lessons.map(({ body: _body, world: _world, ...summary }) => summary),
    scenarios: scenarios.map(({ slug, value: s }) => ({
      id: s.id, slug, title: s.title, summary: s.summary, difficulty: s.difficulty, concepts: s.concepts, minutes: s.minutes,
    })),
    quizzes: quizzes.map(({ slug, value: q }) => ({
      id: q.id, slug, title: q.title, summary: q.summary, concepts: q.concepts, questionCount: q.questions.length,
    })),
  };
  return {
    index,
    lessons: new Map(lessons.map((l) => [l.id, l])),
    scenarios: new Map(scenarios.map((s) => [s.value.id, s.value])),
    quizzes: new Map(quizzes.map((q) => [q.value.id, q.value])),
  };
}

function loadManifest(files: ReadonlyMap<string, string>, root: string): Result<Located<CourseManifest>, ContentError[]> {
  const file = `${root}/course.yaml`;
  const text = files.get("course.yaml");
  if (text === undefined) return err([{ file, message: "is missing; it lists the course's concepts, lessons, scenarios and quizzes" }]);
  return validateYamlFile(file, text, courseManifestSchema);
}

/**
 * `files` maps paths relative to the content folder (`lessons/01-intro/lesson.md`) to their
 * text; `root` is how error messages name that folder.
 */
export function loadCourse(files: ReadonlyMap<string, string>, root = "content"): Result<CompiledCourse, ContentError[]> {
  const manifest = loadManifest(files, root);
  const folders = findFolders(files.keys());
  const items = parseItems(files, folders, root);
  const errors = [
    ...(manifest.ok ? checkManifestFolders(manifest.value, folders, root) : manifest.error),
    ...items.errors,
    ...checkCrossReferences(items, manifest.ok ? manifest.value : undefined, root),
  ];
  if (errors.length > 0 || !manifest.ok) return err(sortContentErrors(errors));
  return ok(compile(manifest.value.value, items));
}
