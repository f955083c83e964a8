/**
 * Validates parsed content against a zod schema and turns every issue into a ContentError with
 * the file, line and field path, worded for authors (guide's contentErrorMap).
 */
import type { z } from "zod";
import { contentErrorMap, formatFieldPath, toFieldIssues } from "../../guide/index.ts";
import { err, ok } from "../../lib/index.ts";
import type { Result } from "../../lib/index.ts";
import type { ContentError } from "./content-error.ts";
import { sortContentErrors } from "./content-error.ts";
import type { YamlSource } from "./yaml-source.ts";
import { parseYamlSource } from "./yaml-source.ts";

export function validateSource<S extends z.ZodType>(
  file: string,
  source: YamlSource,
  schema: S,
): Result<z.output<S>, ContentError[]> {
  if (source.value === null || source.value === undefined) {
    return err([{ file, line: 1, message: "is empty; see content/README.md for the fields it needs" }]);
  }
  const parsed = schema.safeParse(source.value, { error: contentErrorMap });
  if (parsed.success) return ok(parsed.data);
  return err(
    sortContentErrors(
      toFieldIssues(parsed.error.issues).map((issue) => ({
        file,
        line: source.lineOf(issue.path),
        field: formatFieldPath(issue.path) || undefined,
        message: issue.message,
      })),
    ),
  );
}

/** A validated value and the lines its fields came from, for errors found later (cross-references). */
export interface Located<T> {
  readonly value: T;
  readonly lineOf: YamlSource["lineOf"];
}

/**
 * Parses YAML and validates it: scenario.yaml, quiz.yaml, course.yaml, or a lesson's frontmatter
 * (which starts `lineOffset` lines into its file).
 */
export function validateYamlFile<S extends z.ZodType>(
  file: string,
  text: string,
  schema: S,
  lineOffset = 0,
): Result<Located<z.output<S>>, ContentError[]> {
  const source = parseYamlSource(file, text, lineOffset);
  if (!source.ok) return source;
  const valid = validateSource(file, source.value, schema);
  return valid.ok ? ok({ value: valid.value, lineOf: source.value.lineOf }) : valid;
}
