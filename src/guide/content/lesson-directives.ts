/**
 * The directives a lesson may use (generic directive syntax, micromark-extension-directive).
 * This table is the whole vocabulary: any other directive, and any raw HTML, is a content error,
 * so a lesson written by anyone can be rendered without sanitising markup.
 */
import { z } from "zod";
import { commandLine, contentId, target } from "./fields.schema.ts";

/** Where a directive may appear: at the top level of the lesson, inside a `:::task` or a `:::hint`. */
export type DirectiveParent = "root" | "task" | "hint";

/** `container`: `:::name … :::` around Markdown; `leaf`: `::name{…}` alone on its line. */
export type DirectiveForm = "container" | "leaf";

export interface DirectiveSpec {
  /** The forms allowed, the preferred one first (error messages suggest it). */
  readonly forms: readonly DirectiveForm[];
  /** `code-only`: a container whose body may hold only fenced code blocks (commands to type). */
  readonly body?: "code-only";
  /** The `[label]` after the name. */
  readonly label: "required" | "optional" | "none";
  readonly parents: readonly DirectiveParent[];
  readonly attributes: z.ZodType;
  readonly summary: string;
}

export const DIAGRAM_FOCI = [
  "processes",
  "namespaces",
  "cgroups",
  "capabilities",
  "seccomp",
  "lsm",
  "mounts",
  "network",
  "hypervisor",
] as const;

export const LESSON_DIRECTIVES: Readonly<Record<string, DirectiveSpec>> = {
  task: {
    forms: ["container"],
    label: "required",
    parents: ["root"],
    summary: "Something the learner does in the terminal, checked against the world's state.",
    attributes: z.strictObject({
      id: contentId("start-a-container").describe("Stable id of the task, unique in the lesson (saved progress uses it)."),
      check: commandLine().describe("Shell one-liner that exits 0 once the task is done."),
      on: target().default("host").describe("Where the check runs: host, container:<name> or vm:<name>."),
    }),
  },
  hint: {
    forms: ["container"],
    label: "optional",
    parents: ["root", "task"],
    summary: "A hint, folded until the learner asks for it; inside a task it belongs to that task.",
    attributes: z.strictObject({}),
  },
  terminal: {
    forms: ["leaf", "container"],
    label: "optional",
    body: "code-only",
    parents: ["root", "task"],
    summary:
      "The live terminal of the lesson's world; as a container, the fenced code block inside holds " +
      "the commands to type, one per line.",
    attributes: z.strictObject({
      on: target().default("host").describe("Which shell: host, container:<name> or vm:<name>."),
    }),
  },
  diagram: {
    forms: ["leaf"],
    label: "optional",
    parents: ["root", "task"],
    summary: "The kernel diagram of the lesson's world, focused on one kind of object.",
    attributes: z.strictObject({
      focus: z.enum(DIAGRAM_FOCI).describe("What the diagram highlights."),
    }),
  },
  quiz: {
    forms: ["leaf"],
    label: "optional",
    parents: ["root"],
    summary: "A quiz of the course, embedded in the lesson.",
    attributes: z.strictObject({
      id: contentId("namespaces-basics").describe("Id of a quiz of the course."),
    }),
  },
};

/** How authors write the directive: `:::task` or `::quiz`. */
export const directiveSyntax = (name: string, form: DirectiveForm) =>
  `${form === "container" ? ":::" : "::"}${name}`;

export const KNOWN_DIRECTIVES = Object.entries(LESSON_DIRECTIVES)
  .flatMap(([name, spec]) => spec.forms.map((form) => directiveSyntax(name, form)))
  .join(", ");
