/**
 * The folders of a course and their agreement with the manifest: content/course.yaml lists every
 * `NN-slug` folder of each kind exactly once, in the order of the numbers, and nothing else.
 */
import { FOLDER_PATTERN } from "../../guide/index.ts";
import type { CourseManifest } from "../../guide/index.ts";
import type { ContentError } from "./content-error.ts";
import type { Located } from "./validate.ts";

export const ITEM_KINDS = ["lessons", "scenarios", "quizzes"] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

/** The file that makes a folder an item. */
export const MAIN_FILE: Record<ItemKind, string> = {
  lessons: "lesson.md",
  scenarios: "scenario.yaml",
  quizzes: "quiz.yaml",
};

const SINGULAR: Record<ItemKind, string> = { lessons: "lesson", scenarios: "scenario", quizzes: "quiz" };

/** Folder names per kind, from file paths such as `lessons/01-intro/lesson.md`. */
export function findFolders(paths: Iterable<string>): Record<ItemKind, string[]> {
  const found: Record<ItemKind, Set<string>> = { lessons: new Set(), scenarios: new Set(), quizzes: new Set() };
  for (const path of paths) {
    const [kind, folder, ...rest] = path.split("/");
    if (rest.length > 0 && folder && (ITEM_KINDS as readonly string[]).includes(kind ?? "")) {
      found[kind as ItemKind].add(folder);
    }
  }
  return {
    lessons: [...found.lessons].sort(),
    scenarios: [...found.scenarios].sort(),
    quizzes: [...found.quizzes].sort(),
  };
}

/** Errors for one kind: listed folders that are missing, unlisted folders, numbers out of order. */
function checkKind(kind: ItemKind, manifest: Located<CourseManifest>, folders: readonly string[], root: string): ContentError[] {
  const file = `${root}/course.yaml`;
  const listed = manifest.value[kind];
  const errors: ContentError[] = [];
  const at = (i: number, message: string) =>
    errors.push({ file, line: manifest.lineOf([kind, i]), field: `${kind}[${i}]`, message });
  listed.forEach((folder, i) => {
    if (!folders.includes(folder)) at(i, `names a folder that does not exist: ${root}/${kind}/${folder}/`);
    const number = FOLDER_PATTERN.exec(folder)?.[1];
    const previous = i > 0 ? listed[i - 1] : undefined;
    const previousNumber = previous ? FOLDER_PATTERN.exec(previous)?.[1] : undefined;
    if (number === undefined || previous === undefined || previousNumber === undefined) return;
    if (number === previousNumber) at(i, `"${folder}" has the same number ${number} as "${previous}"; give each ${SINGULAR[kind]} its own number`);
    else if (number < previousNumber) at(i, `"${folder}" is listed after "${previous}"; list folders in the order of their numbers`);
  });
  for (const folder of folders) {
    if (!listed.includes(folder)) {
      errors.push({
        file: `${root}/${kind}/${folder}`,
        message: `is not listed in ${root}/course.yaml; add "${folder}" under ${kind}: (or delete the folder)`,
      });
    }
  }
  return errors;
}

export function checkManifestFolders(
  manifest: Located<CourseManifest>,
  folders: Record<ItemKind, readonly string[]>,
  root: string,
): ContentError[] {
  return ITEM_KINDS.flatMap((kind) => checkKind(kind, manifest, folders[kind], root));
}

/** `01-what-is-a-container` → `what-is-a-container`. */
export const slugOf = (folder: string) => FOLDER_PATTERN.exec(folder)?.[2] ?? folder;
