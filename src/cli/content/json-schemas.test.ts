import { describe, expect, it } from "vitest";
import { formatContentError } from "./content-error.ts";
import { checkSchemaDrift, renderJsonSchemas } from "./json-schemas.ts";

type JsonSchema = { properties?: Record<string, JsonSchema>; items?: JsonSchema; anyOf?: JsonSchema[]; oneOf?: JsonSchema[]; description?: string };

/** Paths of schema nodes without a description: every field, list item and union member needs one. */
function undescribed(node: JsonSchema, path = ""): string[] {
  const own = (child: JsonSchema, at: string) => [...(child.description ? [] : [at]), ...undescribed(child, at)];
  return [
    ...Object.entries(node.properties ?? {}).flatMap(([key, child]) => own(child, `${path}.${key}`)),
    ...(node.items ? own(node.items, `${path}[]`) : []),
    ...[...(node.anyOf ?? []), ...(node.oneOf ?? [])].flatMap((child, i) => own(child, `${path}<${i}>`)),
  ];
}

describe("published JSON Schemas", () => {
  const rendered = renderJsonSchemas();

  it("renders one file per content schema", () => {
    expect([...rendered.keys()]).toEqual([
      "course.schema.json",
      "lesson-frontmatter.schema.json",
      "scenario.schema.json",
      "quiz.schema.json",
    ]);
  });

  it("describes every field, so editors can show help on hover", () => {
    for (const [name, text] of rendered) {
      const schema = JSON.parse(text) as JsonSchema & { $schema: string; title: string };
      expect(schema.$schema, name).toBe("https://json-schema.org/draft/2020-12/schema");
      expect(undescribed(schema), name).toEqual([]);
    }
  });

  it("treats fields with a default as optional for authors", () => {
    const scenario = JSON.parse(rendered.get("scenario.schema.json") ?? "{}") as {
      properties: { world: { required?: string[]; properties: { host: { default: string } } } };
    };
    expect(scenario.properties.world.required).toBeUndefined();
    expect(scenario.properties.world.properties.host.default).toBe("ubuntu");
  });
});

describe("checkSchemaDrift", () => {
  const rendered = renderJsonSchemas();

  it("accepts committed files that match the zod schemas", () => {
    expect(checkSchemaDrift(rendered)).toEqual([]);
  });

  it("reports a file that is missing or out of date", () => {
    const committed = new Map<string, string | undefined>(rendered);
    committed.delete("quiz.schema.json");
    committed.set("scenario.schema.json", (rendered.get("scenario.schema.json") ?? "").replace("beginner", "novice"));
    expect(checkSchemaDrift(committed).map(formatContentError)).toEqual([
      "content/schema/scenario.schema.json: is out of date with the zod schemas in src/; run `npm run content:schemas` and commit the result",
      "content/schema/quiz.schema.json: is missing; run `npm run content:schemas` and commit the result",
    ]);
  });
});
