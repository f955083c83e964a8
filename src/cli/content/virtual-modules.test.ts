import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { checkContent } from "./check-content.ts";
import { renderJsonSchemas } from "./json-schemas.ts";
import { loadCourse } from "./load-course.ts";
import { readContentDir } from "./read-content-dir.ts";
import { renderIndexModule, renderItemModule } from "./virtual-modules.ts";

const fixture = readContentDir(fileURLToPath(new URL("../../test/fixtures/content", import.meta.url)));

function compiled() {
  const result = loadCourse(fixture);
  if (!result.ok) throw new Error("fixture course is invalid");
  return result.value;
}

describe("virtual:isolab-content modules", () => {
  it("exports the course index and one lazy loader per kind of item", () => {
    const code = renderIndexModule(compiled());
    expect(code).toContain(`export const course = ${JSON.stringify(compiled().index)};`);
    expect(code).toContain('  ["first-steps", () => import("virtual:isolab-content/lesson/first-steps")],');
    expect(code).toContain('  ["fixture-escape", () => import("virtual:isolab-content/scenario/fixture-escape")],');
    expect(code).toContain('  ["fixture-quiz", () => import("virtual:isolab-content/quiz/fixture-quiz")],');
    for (const loader of ["loadLesson", "loadScenario", "loadQuiz"]) expect(code).toContain(`export function ${loader}(id) {`);
  });

  it("keeps lesson bodies out of the index module", () => {
    expect(renderIndexModule(compiled())).not.toContain('"body"');
  });

  it("renders one item module per id, and nothing for unknown ids", () => {
    const course = compiled();
    expect(renderItemModule(course, "virtual:isolab-content/lesson/second-look")).toBe(
      `export default ${JSON.stringify(course.lessons.get("second-look"))};\n`,
    );
    expect(renderItemModule(course, "virtual:isolab-content/quiz/fixture-quiz")).toContain('"kind":"predict-the-output"');
    expect(renderItemModule(course, "virtual:isolab-content/lesson/no-such-lesson")).toBeUndefined();
    expect(renderItemModule(course, "virtual:isolab-content/video/first-steps")).toBeUndefined();
  });
});

describe("checkContent", () => {
  it("summarises a valid course with up-to-date schemas in one line", () => {
    const files = new Map(fixture);
    for (const [name, text] of renderJsonSchemas()) files.set(`schema/${name}`, text);
    expect(checkContent(files)).toEqual({ ok: true, lines: ["content: 2 lessons, 1 scenario, 1 quiz — all valid"] });
  });

  it("fails on schema drift unless the drift check is off", () => {
    expect(checkContent(fixture).lines).toHaveLength(4);
    expect(checkContent(fixture, "content", { schemas: false }).ok).toBe(true);
  });
});
