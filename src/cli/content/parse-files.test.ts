import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { courseManifestSchema, scenarioSchema } from "../../guide/index.ts";
import { quizSchema } from "../../quiz/index.ts";
import { formatContentError } from "./content-error.ts";
import { parseLesson } from "./parse-lesson.ts";
import { readContentDir } from "./read-content-dir.ts";
import { validateYamlFile } from "./validate.ts";

const fixture = readContentDir(fileURLToPath(new URL("../../test/fixtures/content", import.meta.url)));
const text = (path: string) => fixture.get(path) ?? "";

const SCENARIO = "content/scenarios/01-fixture-escape/scenario.yaml";
const QUIZ = "content/quizzes/01-fixture-quiz/quiz.yaml";
const LESSON = "content/lessons/01-first-steps/lesson.md";

const lines = (result: { ok: true } | { ok: false; error: readonly Parameters<typeof formatContentError>[0][] }) =>
  result.ok ? [] : result.error.map(formatContentError);

const scenario = (change: (t: string) => string) =>
  lines(validateYamlFile(SCENARIO, change(text("scenarios/01-fixture-escape/scenario.yaml")), scenarioSchema));
const quiz = (change: (t: string) => string) =>
  lines(validateYamlFile(QUIZ, change(text("quizzes/01-fixture-quiz/quiz.yaml")), quizSchema));
const lesson = (change: (t: string) => string) => lines(parseLesson(LESSON, change(text("lessons/01-first-steps/lesson.md"))));

describe("scenario.yaml", () => {
  it("accepts the fixture scenario", () => {
    expect(scenario((t) => t)).toEqual([]);
  });

  it("names file, line and field for each schema error", () => {
    const errors = scenario((t) =>
      t
        .replace("difficulty: beginner", "difficulty: easy")
        .replace("minutes: 10", "minutes: 10\ncolour: red")
        .replace("label: /dev/sda1 is mounted at /mnt", 'label: ""')
        .replace("    solution: [touch /mnt/root/proof]\n", ""),
    );
    expect(errors).toEqual([
      `${SCENARIO}:4: difficulty: must be one of: beginner, intermediate, advanced (found the text "easy")`,
      `${SCENARIO}:7: colour: is not a known field; check its spelling`,
      `${SCENARIO}:24: steps[0].check.label: must not be empty`,
      `${SCENARIO}:27: steps[1].solution: is required`,
    ]);
  });

  it("checks step ids and the steps that defenses block", () => {
    const errors = scenario((t) => t.replace("id: write-file", "id: mount-disk").replace("blocks: mount-disk", "blocks: mount-dsk"));
    expect(errors).toEqual([
      `${SCENARIO}:26: steps[1].id: repeats the step id "mount-disk"; step ids must be unique`,
      `${SCENARIO}:37: defenses[0].blocks: names no step of this scenario: "mount-dsk" (use a step id: mount-disk, mount-disk; or start)`,
    ]);
  });

  it("rejects multi-line check commands and malformed targets", () => {
    const errors = scenario((t) => t.replace("run: test -f /root/proof\nsteps", "run: |\n      test -f /root/proof\n      true\nsteps").replace("on: container:target", "on: docker"));
    expect(errors).toEqual([
      `${SCENARIO}:15: goal.check.run: must be a single line; put several commands in a list, one per item`,
      `${SCENARIO}:27: steps[0].check.on: must be "host", "container:<name>" or "vm:<name>", like "container:target"`,
    ]);
  });

  it("reports YAML syntax errors at the line where the parser notices them", () => {
    expect(scenario((t) => t.replace("title: Fixture escape", "title: [Fixture escape"))).toEqual([
      `${SCENARIO}:3: YAML syntax: Flow sequence in block collection must be sufficiently indented and end with a ]`,
    ]);
  });
});

describe("quiz.yaml", () => {
  it("accepts the fixture quiz", () => {
    expect(quiz((t) => t)).toEqual([]);
  });

  it("requires exactly one correct choice in a single-choice question", () => {
    expect(quiz((t) => t.replace("      - text: Wrong\n", "      - text: Wrong\n        correct: true\n"))).toEqual([
      `${QUIZ}:10: questions[0].choices: must have exactly one choice with correct: true (found 2)`,
    ]);
  });

  it("names an unknown question kind and a distractor equal to the answer", () => {
    expect(quiz((t) => t.replace("kind: multiple-choice", "kind: multi-choice"))).toEqual([
      `${QUIZ}:17: questions[1].kind: must be one of: single-choice, multiple-choice, predict-the-output (found the text "multi-choice")`,
    ]);
    expect(quiz((t) => t.replace("distractors: [uid=0(root) gid=0(root) groups=0(root)]", "distractors: [uid=65534(nobody) gid=65534(nogroup) groups=65534(nogroup)]"))).toEqual([
      `${QUIZ}:34: questions[2].distractors[0]: is the same as expected; a distractor must be wrong`,
    ]);
  });
});

describe("lesson.md", () => {
  it("accepts the fixture lesson", () => {
    expect(lesson((t) => t)).toEqual([]);
  });

  it("counts frontmatter lines from the top of the file", () => {
    expect(lesson((t) => t.replace("minutes: 5", "minutes: five").replace("concepts: [alpha]\n", ""))).toEqual([
      `${LESSON}:2: concepts: is required`,
      `${LESSON}:5: minutes: must be a number, not the text "five"`,
    ]);
  });

  it("requires the frontmatter block", () => {
    expect(lesson((t) => t.replace(/^---\n/, ""))).toEqual([
      `${LESSON}:1: must start with YAML frontmatter between two \`---\` lines (id, title, summary, concepts, minutes)`,
    ]);
  });

  it("checks directive form, label and attributes", () => {
    const errors = lesson((t) =>
      t
        .replace("::::task[Start a container]{id=start check=", "::::task{id=Start check=")
        .replace("::diagram{focus=namespaces}", "::diagram{focus=disks colour=red}")
        .replace("::terminal{on=container:demo}", ":::terminal\nrun this\n:::\n\n:::quiz{id=fixture-quiz}\n:::"),
    );
    expect(errors).toEqual([
      `${LESSON}:13: :::task: needs a label: :::task[What the learner does]{…}`,
      `${LESSON}:13: :::task{id}: must be kebab-case: lowercase letters and digits joined by single hyphens, like "start-a-container"`,
      `${LESSON}:27: :::terminal: may hold only fenced code blocks (\`\`\`sh … \`\`\`) with the commands to type, one per line`,
      `${LESSON}:31: :::quiz: stands alone on one line: write "::quiz{…}" with no content and no closing ":::"`,
      `${LESSON}:34: ::diagram{focus}: must be one of: processes, namespaces, cgroups, capabilities, seccomp, lsm, mounts, network, hypervisor (found the text "disks")`,
      `${LESSON}:34: ::diagram{colour}: is not a known field; check its spelling`,
    ]);
  });

  it("rejects links that could run script", () => {
    expect(lesson((t) => `${t}\n[x](javascript:alert(1)) and ![y](data:image/png;base64,AAAA)\n`)).toEqual([
      `${LESSON}:33: link to "javascript:alert(1)" is not allowed: use an https:, http:, mailto: or relative link`,
      `${LESSON}:33: link to "data:image/png;base64,AAAA" is not allowed: use an https:, http:, mailto: or relative link`,
    ]);
  });
});

describe("course.yaml", () => {
  it("rejects a concept declared twice and a malformed folder name", () => {
    const manifest = text("course.yaml").replace("  - id: beta", "  - id: alpha").replace("  - 01-fixture-quiz", "  - fixture-quiz");
    expect(lines(validateYamlFile("content/course.yaml", manifest, courseManifestSchema))).toEqual([
      'content/course.yaml:6: concepts[1].id: declares the concept "alpha" twice',
      'content/course.yaml:15: quizzes[0]: must be a folder name like "01-namespaces-basics": two digits, a hyphen, then kebab-case',
    ]);
  });

  it("reports an empty file", () => {
    expect(lines(validateYamlFile("content/course.yaml", "# nothing yet\n", courseManifestSchema))).toEqual([
      "content/course.yaml:1: is empty; see content/README.md for the fields it needs",
    ]);
  });
});
