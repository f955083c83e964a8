/**
 * Checks between files: ids unique across the course, concepts declared in the manifest,
 * `::quiz{id}` references that exist, prerequisites that come earlier. Each error lands in the
 * file and on the line the author has to change.
 */
import { formatFieldPath } from "../../guide/index.ts";
import type { CourseManifest } from "../../guide/index.ts";
import type { ContentError } from "./content-error.ts";
import type { Item, ParsedItems } from "./parse-items.ts";
import type { Located } from "./validate.ts";

type Path = readonly (string | number)[];

interface Tagged {
  readonly item: Item<unknown>;
  readonly id: string;
  /** Every concept the item lists, with the field path where it is listed. */
  readonly concepts: readonly { readonly path: Path; readonly id: string }[];
}

const listed = (base: Path, ids: readonly string[]) => ids.map((id, i) => ({ path: [...base, i], id }));

function tagged(items: ParsedItems): Tagged[] {
  return [
    ...items.lessons.map((item) => ({ item, id: item.value.frontmatter.id, concepts: listed(["concepts"], item.value.frontmatter.concepts) })),
    ...items.scenarios.map((item) => ({ item, id: item.value.id, concepts: listed(["concepts"], item.value.concepts) })),
    ...items.quizzes.map((item) => ({
      item,
      id: item.value.id,
      concepts: [
        ...listed(["concepts"], item.value.concepts),
        ...item.value.questions.flatMap((q, i) => listed(["questions", i, "concepts"], q.concepts ?? [])),
      ],
    })),
  ];
}

const errorAt = (item: Item<unknown>, path: Path, message: string): ContentError => ({
  file: item.file,
  line: item.lineOf(path),
  field: formatFieldPath(path),
  message,
});

function checkIds(all: readonly Tagged[]): ContentError[] {
  const first = new Map<string, Tagged>();
  const errors: ContentError[] = [];
  for (const entry of all) {
    const earlier = first.get(entry.id);
    if (earlier) {
      errors.push(errorAt(entry.item, ["id"], `repeats the id "${entry.id}" of ${earlier.item.file}; every lesson, scenario and quiz needs its own id`));
    } else first.set(entry.id, entry);
  }
  return errors;
}

function checkConcepts(all: readonly Tagged[], manifest: Located<CourseManifest>, root: string): ContentError[] {
  const known = new Set(manifest.value.concepts.map((c) => c.id));
  return all.flatMap((entry) =>
    entry.concepts
      .filter((c) => !known.has(c.id))
      .map((c) => errorAt(entry.item, c.path, `names the concept "${c.id}", which ${root}/course.yaml does not declare under concepts:`)),
  );
}

function checkLessonLinks(items: ParsedItems, manifest: Located<CourseManifest>): ContentError[] {
  const quizIds = new Set(items.quizzes.map((q) => q.value.id));
  const lessonOrder = manifest.value.lessons;
  // First occurrence wins: a repeated id is reported once, by checkIds, not again here.
  const position = new Map<string, number>();
  for (const l of items.lessons) {
    if (!position.has(l.value.frontmatter.id)) position.set(l.value.frontmatter.id, lessonOrder.indexOf(l.folder));
  }
  // A quiz or lesson that failed to parse would make every reference to it look broken.
  const checkQuizzes = !items.incomplete.has("quizzes");
  const checkLessons = !items.incomplete.has("lessons");
  return items.lessons.flatMap((lesson) => [
    ...lesson.value.quizRefs
      .filter((ref) => checkQuizzes && !quizIds.has(ref.id))
      .map((ref) => ({ file: lesson.file, line: ref.line, field: "::quiz{id}", message: `names no quiz of the course: "${ref.id}"` })),
    ...lesson.value.frontmatter.prerequisites.flatMap((id, i) => {
      // An unlisted lesson has no place in the order yet; its folder error comes first.
      if (!lessonOrder.includes(lesson.folder)) return [];
      const at = position.get(id);
      if (at === undefined && !checkLessons) return [];
      if (at === undefined) return [errorAt(lesson, ["prerequisites", i], `names no lesson of the course: "${id}"`)];
      if (at >= lessonOrder.indexOf(lesson.folder)) {
        return [errorAt(lesson, ["prerequisites", i], `"${id}" does not come before this lesson in the course; a prerequisite must come first`)];
      }
      return [];
    }),
  ]);
}

export function checkCrossReferences(items: ParsedItems, manifest: Located<CourseManifest> | undefined, root: string): ContentError[] {
  const all = tagged(items);
  const errors = checkIds(all);
  if (manifest === undefined) return errors;
  return [...errors, ...checkConcepts(all, manifest, root), ...checkLessonLinks(items, manifest)];
}
