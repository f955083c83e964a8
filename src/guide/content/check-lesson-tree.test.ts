import { directiveFromMarkdown } from "mdast-util-directive";
import { fromMarkdown } from "mdast-util-from-markdown";
import { directive } from "micromark-extension-directive";
import { describe, expect, it } from "vitest";
import { checkLessonTree } from "./check-lesson-tree.ts";

const tree = (markdown: string) =>
  fromMarkdown(markdown, { extensions: [directive()], mdastExtensions: [directiveFromMarkdown()] });

const issues = (markdown: string) =>
  checkLessonTree(tree(markdown)).issues.map((i) => `${i.line}: ${i.field ? `${i.field}: ` : ""}${i.message}`);

describe("checkLessonTree", () => {
  it("accepts every directive in its place and collects references", () => {
    const report = checkLessonTree(
      tree(
        [
          "::::task[Do it]{id=do-it check=true on=container:web}",
          ":::hint",
          "Psst.",
          ":::",
          "::terminal{on=container:web}",
          "::::",
          "",
          ":::terminal[Type this]",
          "```sh",
          "ls",
          "```",
          ":::",
          "",
          "::diagram[Look]{focus=cgroups}",
          "",
          "::quiz{id=basics}",
        ].join("\n"),
      ),
    );
    expect(report).toEqual({ issues: [], quizRefs: [{ id: "basics", line: 16 }], taskIds: ["do-it"] });
  });

  it("rejects directives out of place and tasks without a check", () => {
    expect(issues("::::task[A]{id=a check=true}\n::quiz{id=q}\n::::\n\n:::task[B]{id=a check=true}\n:::\n\n:::task[C]{id=c}\n:::\n")).toEqual([
      "2: ::quiz: cannot appear inside a :::task",
      '5: :::task{id}: repeats the task id "a"; task ids must be unique in a lesson',
      "8: :::task{check}: is required",
    ]);
    expect(issues(":::hint\n::terminal\n:::\n")).toEqual(["2: ::terminal: cannot appear inside a :::hint"]);
  });

  it("rejects raw HTML, inline directives and unsafe links", () => {
    expect(issues('<div onclick="x()">hi</div>\n\nSee :abbr[x] and [y](vbscript:x) and [z](/lab) and [w](#top).\n')).toEqual([
      '1: raw HTML is not allowed in lessons (found "<div onclick=\\"x()\\">hi</div>"); use Markdown or a directive',
      '3: ":abbr" reads as an inline directive, and lessons have none; write "\\:" for a literal colon',
      '3: link to "vbscript:x" is not allowed: use an https:, http:, mailto: or relative link',
    ]);
  });

  it("treats a directive name that merely looks like an object key as unknown", () => {
    expect(issues("::constructor\n")).toEqual([
      "1: ::constructor: is not a lesson directive; use one of :::task, :::hint, ::terminal, :::terminal, ::diagram, ::quiz",
    ]);
  });
});
