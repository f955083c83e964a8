/**
 * Parses a lesson (`lesson.md`): YAML frontmatter checked against the lesson schema, then the
 * Markdown body parsed into an mdast tree (with the directive and GFM extensions) and checked
 * against the lesson rules. Runs at build time in Node, so the Markdown parser never ships to
 * the browser; the app receives the tree, without source positions.
 */
import type { Nodes, Root } from "mdast";
import { directiveFromMarkdown } from "mdast-util-directive";
import { fromMarkdown } from "mdast-util-from-markdown";
import { gfmFromMarkdown } from "mdast-util-gfm";
import { directive } from "micromark-extension-directive";
import { gfm } from "micromark-extension-gfm";
import { checkLessonTree, lessonFrontmatterSchema } from "../../guide/index.ts";
import type { LessonFrontmatter } from "../../guide/index.ts";
import { err, ok } from "../../lib/index.ts";
import type { Result } from "../../lib/index.ts";
import type { ContentError } from "./content-error.ts";
import { validateYamlFile } from "./validate.ts";
import type { YamlSource } from "./yaml-source.ts";

export interface ParsedLesson {
  readonly frontmatter: LessonFrontmatter;
  /** Lines of the frontmatter's fields, for errors found later by the course loader. */
  readonly lineOf: YamlSource["lineOf"];
  readonly body: Root;
  readonly quizRefs: readonly { readonly id: string; readonly line?: number }[];
}

const FRONTMATTER = /^---\r?\n(?:([\s\S]*?)\r?\n)?---[ \t]*(?:\r?\n|$)/;

/** A copy of the tree without `position`: positions only matter for error messages. */
function withoutPositions<T extends Nodes>(node: T): T {
  const { position: _position, ...rest } = node;
  if (!("children" in rest)) return rest as T;
  return { ...rest, children: (rest.children as Nodes[]).map(withoutPositions) } as T;
}

function parseMarkdown(text: string): Root {
  return fromMarkdown(text, {
    extensions: [directive(), gfm()],
    mdastExtensions: [directiveFromMarkdown(), gfmFromMarkdown()],
  });
}

export function parseLesson(file: string, text: string): Result<ParsedLesson, ContentError[]> {
  const match = FRONTMATTER.exec(text);
  if (!match) {
    return err([{ file, line: 1, message: "must start with YAML frontmatter between two `---` lines (id, title, summary, concepts, minutes)" }]);
  }
  const frontmatter = validateYamlFile(file, match[1] ?? "", lessonFrontmatterSchema, 1);
  // Blank lines in place of the frontmatter keep the body's line numbers equal to the file's.
  const blank = "\n".repeat(match[0].split("\n").length - 1);
  const tree = parseMarkdown(blank + text.slice(match[0].length));
  const report = checkLessonTree(tree);
  const errors: ContentError[] = [
    ...(frontmatter.ok ? [] : frontmatter.error),
    ...report.issues.map((issue) => ({ file, ...issue })),
  ];
  if (!frontmatter.ok || errors.length > 0) return err(errors);
  const { value, lineOf } = frontmatter.value;
  return ok({ frontmatter: value, lineOf, body: withoutPositions(tree), quizRefs: report.quizRefs });
}
