/**
 * The content schemas published as JSON Schema (content/schema/*.json) for editor completion
 * and hover docs. Generated from the zod schemas with z.toJSONSchema(); content:check compares
 * the committed files with a fresh rendering so they never drift from the code.
 */
import { z } from "zod";
import { courseManifestSchema, lessonFrontmatterSchema, scenarioSchema } from "../../guide/index.ts";
import { quizSchema } from "../../quiz/index.ts";
import type { ContentError } from "./content-error.ts";

/** File name in content/schema/ → the schema it publishes. */
export const JSON_SCHEMA_SOURCES: Readonly<Record<string, { readonly schema: z.ZodType; readonly title: string }>> = {
  "course.schema.json": { schema: courseManifestSchema, title: "Isolation Lab course manifest (content/course.yaml)" },
  "lesson-frontmatter.schema.json": { schema: lessonFrontmatterSchema, title: "Isolation Lab lesson frontmatter (lesson.md)" },
  "scenario.schema.json": { schema: scenarioSchema, title: "Isolation Lab escape scenario (scenario.yaml)" },
  "quiz.schema.json": { schema: quizSchema, title: "Isolation Lab quiz (quiz.yaml)" },
};

/**
 * The text of every schema file. `io: "input"` describes what authors write: fields with a
 * default are optional. Checks beyond JSON Schema (unique ids, references) run in content:check.
 */
export function renderJsonSchemas(): Map<string, string> {
  return new Map(
    Object.entries(JSON_SCHEMA_SOURCES).map(([name, { schema, title }]) => {
      const generated = z.toJSONSchema(schema, { io: "input", target: "draft-2020-12" });
      const json = { $schema: generated.$schema, title, ...generated };
      return [name, `${JSON.stringify(json, null, 2)}\n`];
    }),
  );
}

/**
 * Errors for committed schema files that are missing or differ from the zod schemas.
 * `committed` maps file names to their text (undefined when the file does not exist).
 */
export function checkSchemaDrift(committed: ReadonlyMap<string, string | undefined>, dir = "content/schema"): ContentError[] {
  const fix = "run `npm run content:schemas` and commit the result";
  return [...renderJsonSchemas()].flatMap(([name, text]) => {
    const current = committed.get(name);
    if (current === undefined) return [{ file: `${dir}/${name}`, message: `is missing; ${fix}` }];
    if (current !== text) return [{ file: `${dir}/${name}`, message: `is out of date with the zod schemas in src/; ${fix}` }];
    return [];
  });
}

/** The committed files of `content/schema/`, from a content folder's files. */
export function schemaFilesOf(files: ReadonlyMap<string, string>): Map<string, string> {
  return new Map(
    [...files].filter(([path]) => path.startsWith("schema/")).map(([path, text]) => [path.slice("schema/".length), text]),
  );
}
