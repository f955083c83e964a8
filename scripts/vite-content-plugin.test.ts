import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "vite";
import { afterEach, describe, expect, it } from "vitest";
import { course, loadLesson, loadQuiz, loadScenario } from "virtual:isolab-content";
import { isolabContent } from "./vite-content-plugin.ts";

const FIXTURE = fileURLToPath(new URL("../src/test/fixtures/content", import.meta.url));

describe("virtual:isolab-content (served by vitest.config.ts from the fixture course)", () => {
  it("exports the course index and loads each item by id", async () => {
    expect(course.lessons.map((l) => l.id)).toEqual(["first-steps", "second-look"]);
    expect((await loadLesson("first-steps"))?.body.type).toBe("root");
    expect((await loadScenario("fixture-escape"))?.steps.map((s) => s.id)).toEqual(["mount-disk", "write-file"]);
    expect((await loadQuiz("fixture-quiz"))?.questions).toHaveLength(3);
    expect(await loadLesson("no-such-lesson")).toBeUndefined();
  });
});

describe("vite build with the content plugin", () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });

  /** Builds a one-file app that imports the content of `content/` under a temporary root. */
  async function buildWith(change: (contentDir: string) => void) {
    dir = mkdtempSync(join(tmpdir(), "isolab-content-"));
    cpSync(FIXTURE, join(dir, "content"), { recursive: true });
    change(join(dir, "content"));
    writeFileSync(join(dir, "main.js"), 'import { course, loadLesson } from "virtual:isolab-content";\nloadLesson(course.lessons[0].id);\n');
    return build({
      root: dir,
      configFile: false,
      logLevel: "silent",
      plugins: [isolabContent()],
      build: { write: false, rollupOptions: { input: join(dir, "main.js") } },
    });
  }

  it("puts each lesson in its own chunk", async () => {
    const output = await buildWith(() => undefined);
    const chunks = (Array.isArray(output) ? output : [output]).flatMap((o) => ("output" in o ? o.output : []));
    const names = chunks.map((c) => c.fileName).filter((n) => n.endsWith(".js"));
    expect(names.some((n) => n.includes("first-steps"))).toBe(true);
    expect(names.some((n) => n.includes("second-look"))).toBe(true);
  });

  it("fails with the content errors, naming file, line and field", async () => {
    const broken = buildWith((content) => {
      const quiz = join(content, "quizzes/01-fixture-quiz/quiz.yaml");
      writeFileSync(quiz, "id: fixture-quiz\ntitle: Fixture quiz\nsummary: Broken.\nconcepts: [alpha]\nquestions: []\n");
    });
    await expect(broken).rejects.toThrow("content/quizzes/01-fixture-quiz/quiz.yaml:5: questions: needs at least 1 item");
  });
});
