import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { formatContentError } from "./content-error.ts";
import { loadCourse } from "./load-course.ts";
import { readContentDir } from "./read-content-dir.ts";

const fixture = readContentDir(fileURLToPath(new URL("../../test/fixtures/content", import.meta.url)));

/** The fixture course with one file changed (or removed, when `change` returns undefined). */
function edit(path: string, change: (text: string) => string | undefined): Map<string, string> {
  const files = new Map(fixture);
  const text = change(files.get(path) ?? "");
  if (text === undefined) files.delete(path);
  else files.set(path, text);
  return files;
}

function errorLines(files: ReadonlyMap<string, string>): string[] {
  const result = loadCourse(files);
  return result.ok ? [] : result.error.map(formatContentError);
}

const LESSON_1 = "lessons/01-first-steps/lesson.md";
const LESSON_2 = "lessons/02-second-look/lesson.md";

describe("loadCourse on the fixture course", () => {
  it("compiles the index in manifest order", () => {
    const result = loadCourse(fixture);
    if (!result.ok) throw new Error(result.error.map(formatContentError).join("\n"));
    const { index } = result.value;
    expect(index.title).toBe("Fixture Course");
    expect(index.concepts.map((c) => c.id)).toEqual(["alpha", "beta"]);
    expect(index.lessons.map((l) => [l.id, l.slug, l.prerequisites])).toEqual([
      ["first-steps", "first-steps", []],
      ["second-look", "second-look", ["first-steps"]],
    ]);
    expect(index.scenarios).toEqual([
      { id: "fixture-escape", slug: "fixture-escape", title: "Fixture escape", summary: "A fixture scenario with two steps and one defense.", difficulty: "beginner", concepts: ["alpha", "beta"], minutes: 10 },
    ]);
    expect(index.quizzes).toEqual([
      { id: "fixture-quiz", slug: "fixture-quiz", title: "Fixture quiz", summary: "One question of each kind.", concepts: ["alpha"], questionCount: 3 },
    ]);
  });

  it("ships lesson trees without source positions, and worlds with their defaults", () => {
    const result = loadCourse(fixture);
    if (!result.ok) throw new Error("fixture course is invalid");
    const first = result.value.lessons.get("first-steps");
    expect(JSON.stringify(first?.body)).not.toContain('"position"');
    expect(first?.body.children.map((n) => n.type)).toEqual([
      "heading", "paragraph", "containerDirective", "leafDirective", "leafDirective", "leafDirective",
    ]);
    expect(result.value.lessons.get("second-look")?.world).toEqual({
      host: "fedora", setup: ["docker run -dit --name box alpine"], terminal: "host",
    });
    expect(result.value.scenarios.get("fixture-escape")?.goal.check.on).toBe("host");
  });
});

describe("loadCourse cross-references", () => {
  it("reports an id used twice, at the second file", () => {
    expect(errorLines(edit(LESSON_2, (t) => t.replace("id: second-look", "id: first-steps")))).toEqual([
      'content/lessons/02-second-look/lesson.md:2: id: repeats the id "first-steps" of content/lessons/01-first-steps/lesson.md; every lesson, scenario and quiz needs its own id',
    ]);
  });

  it("reports a manifest entry whose folder does not exist", () => {
    expect(errorLines(edit("course.yaml", (t) => t.replace("  - 02-second-look\n", "  - 02-second-look\n  - 03-missing\n")))).toEqual([
      "content/course.yaml:12: lessons[2]: names a folder that does not exist: content/lessons/03-missing/",
    ]);
  });

  it("reports a folder that the manifest does not list", () => {
    const files = new Map(fixture);
    files.set("lessons/03-extra/lesson.md", (fixture.get(LESSON_2) ?? "").replace("id: second-look", "id: extra"));
    expect(errorLines(files)).toEqual([
      'content/lessons/03-extra: is not listed in content/course.yaml; add "03-extra" under lessons: (or delete the folder)',
    ]);
  });

  it("reports a folder without its main file, and no follow-on reference errors", () => {
    const files = edit("quizzes/01-fixture-quiz/quiz.yaml", () => undefined);
    files.set("quizzes/01-fixture-quiz/notes.md", "");
    expect(errorLines(files)).toEqual(["content/quizzes/01-fixture-quiz: has no quiz.yaml"]);
  });

  it("reports folders listed out of numeric order", () => {
    const swapped = edit("course.yaml", (t) => t.replace("  - 01-first-steps\n  - 02-second-look\n", "  - 02-second-look\n  - 01-first-steps\n"));
    expect(errorLines(swapped)).toEqual([
      'content/course.yaml:11: lessons[1]: "01-first-steps" is listed after "02-second-look"; list folders in the order of their numbers',
      'content/lessons/02-second-look/lesson.md:7: prerequisites[0]: "first-steps" does not come before this lesson in the course; a prerequisite must come first',
    ]);
  });

  it("reports a ::quiz reference to a quiz the course does not have", () => {
    expect(errorLines(edit(LESSON_1, (t) => t.replace("::quiz{id=fixture-quiz}", "::quiz{id=no-such-quiz}")))).toEqual([
      'content/lessons/01-first-steps/lesson.md:31: ::quiz{id}: names no quiz of the course: "no-such-quiz"',
    ]);
  });

  it("reports concepts that the manifest does not declare, at the listing line", () => {
    const files = edit("quizzes/01-fixture-quiz/quiz.yaml", (t) => t.replace("concepts: [beta]", "concepts: [beta, gamma]"));
    expect(errorLines(files)).toEqual([
      'content/quizzes/01-fixture-quiz/quiz.yaml:20: questions[1].concepts[1]: names the concept "gamma", which content/course.yaml does not declare under concepts:',
    ]);
  });

  it("reports prerequisites that are unknown or not earlier", () => {
    const files = edit(LESSON_2, (t) => t.replace("prerequisites: [first-steps]", "prerequisites: [first-steps, second-look, nope]"));
    expect(errorLines(files)).toEqual([
      'content/lessons/02-second-look/lesson.md:7: prerequisites[1]: "second-look" does not come before this lesson in the course; a prerequisite must come first',
      'content/lessons/02-second-look/lesson.md:7: prerequisites[2]: names no lesson of the course: "nope"',
    ]);
  });

  it("reports raw HTML in a lesson with its file and line", () => {
    const files = edit(LESSON_1, (t) => `${t}\n<script>alert(1)</script>\n\nText with <b>bold</b>.\n`);
    expect(errorLines(files)).toEqual([
      'content/lessons/01-first-steps/lesson.md:33: raw HTML is not allowed in lessons (found "<script>alert(1)</script>"); use Markdown or a directive',
      'content/lessons/01-first-steps/lesson.md:35: raw HTML is not allowed in lessons (found "<b>"); use Markdown or a directive',
      'content/lessons/01-first-steps/lesson.md:35: raw HTML is not allowed in lessons (found "</b>"); use Markdown or a directive',
    ]);
  });

  it("reports unknown directives, block and inline", () => {
    const files = edit(LESSON_1, (t) => `${t}\n::video{src=x}\n\n:::note\nhi\n:::\n\nWe meet at 10:30.\n`);
    expect(errorLines(files)).toEqual([
      "content/lessons/01-first-steps/lesson.md:33: ::video: is not a lesson directive; use one of :::task, :::hint, ::terminal, :::terminal, ::diagram, ::quiz",
      "content/lessons/01-first-steps/lesson.md:35: :::note: is not a lesson directive; use one of :::task, :::hint, ::terminal, :::terminal, ::diagram, ::quiz",
      'content/lessons/01-first-steps/lesson.md:39: ":30" reads as an inline directive, and lessons have none; write "\\:" for a literal colon',
    ]);
  });

  it("reports a missing course.yaml", () => {
    expect(errorLines(edit("course.yaml", () => undefined))).toEqual([
      "content/course.yaml: is missing; it lists the course's concepts, lessons, scenarios and quizzes",
    ]);
  });
});
