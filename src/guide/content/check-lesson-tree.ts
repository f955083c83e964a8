/**
 * Checks a lesson's Markdown tree (mdast) against the lesson rules: only the directives of
 * lesson-directives.ts, in the right form and place, with valid attributes; no raw HTML; links
 * only to http(s), mailto or relative URLs. Pure: the Markdown is parsed at build time by the
 * content loader (src/cli), so neither the parser nor this check reaches the browser.
 */
import type { Nodes, Root } from "mdast";
import type { ContainerDirective, LeafDirective } from "mdast-util-directive";
import { contentErrorMap, formatFieldPath, toFieldIssues } from "./author-messages.ts";
import type { DirectiveParent, DirectiveSpec } from "./lesson-directives.ts";
import { KNOWN_DIRECTIVES, LESSON_DIRECTIVES, directiveSyntax } from "./lesson-directives.ts";

/** A problem in a lesson body, at a line of the lesson file. */
export interface LessonIssue {
  readonly line?: number;
  readonly field?: string;
  readonly message: string;
}

export interface LessonTreeReport {
  readonly issues: readonly LessonIssue[];
  /** Quizzes named by `::quiz{id=…}`, for the course loader to resolve. */
  readonly quizRefs: readonly { readonly id: string; readonly line?: number }[];
  readonly taskIds: readonly string[];
}

interface Walk {
  readonly issues: LessonIssue[];
  readonly quizRefs: { id: string; line?: number }[];
  readonly taskIds: string[];
}

const SAFE_SCHEMES = new Set(["http", "https", "mailto"]);
const lineOf = (node: Nodes) => node.position?.start.line;

function checkUrl(url: string, node: Nodes, walk: Walk) {
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url.trim())?.[1]?.toLowerCase();
  if (scheme === undefined || SAFE_SCHEMES.has(scheme)) return;
  walk.issues.push({
    line: lineOf(node),
    message: `link to ${JSON.stringify(url)} is not allowed: use an https:, http:, mailto: or relative link`,
  });
}

function hasLabel(node: ContainerDirective | LeafDirective): boolean {
  if (node.type === "leafDirective") return node.children.length > 0;
  const first = node.children[0];
  return first?.type === "paragraph" && first.data?.directiveLabel === true;
}

function checkForm(node: ContainerDirective | LeafDirective, spec: DirectiveSpec, at: (message: string) => void) {
  const form = node.type === "containerDirective" ? "container" : "leaf";
  const preferred = spec.forms[0] ?? form;
  const proper = directiveSyntax(node.name, preferred);
  if (!spec.forms.includes(form)) {
    at(preferred === "container"
      ? `must wrap content: open it with "${proper}" on its own line and close it with ":::"`
      : `stands alone on one line: write "${proper}{…}" with no content and no closing ":::"`);
    return;
  }
  if (node.type === "containerDirective" && spec.body === "code-only") {
    const body = node.children.filter((child) => !(child.type === "paragraph" && child.data?.directiveLabel === true));
    if (body.some((child) => child.type !== "code")) {
      at("may hold only fenced code blocks (```sh … ```) with the commands to type, one per line");
    }
  }
}

function recordReferences(node: ContainerDirective | LeafDirective, attributes: Record<string, unknown>, walk: Walk) {
  if (node.name === "quiz") walk.quizRefs.push({ id: String(attributes.id), line: lineOf(node) });
  if (node.name !== "task") return;
  const id = String(attributes.id);
  if (walk.taskIds.includes(id)) {
    walk.issues.push({ line: lineOf(node), field: ":::task{id}", message: `repeats the task id "${id}"; task ids must be unique in a lesson` });
  }
  walk.taskIds.push(id);
}

function checkDirective(node: ContainerDirective | LeafDirective, parent: DirectiveParent, walk: Walk) {
  const written = directiveSyntax(node.name, node.type === "containerDirective" ? "container" : "leaf");
  const spec = Object.hasOwn(LESSON_DIRECTIVES, node.name) ? LESSON_DIRECTIVES[node.name] : undefined;
  const at = (message: string, field = written) => walk.issues.push({ line: lineOf(node), field, message });
  if (spec === undefined) return at(`is not a lesson directive; use one of ${KNOWN_DIRECTIVES}`);
  checkForm(node, spec, at);
  if (!spec.parents.includes(parent)) at(`cannot appear inside a ${directiveSyntax(parent, "container")}`);
  if (spec.label === "required" && !hasLabel(node)) at(`needs a label: ${written}[What the learner does]{…}`);
  if (spec.label === "none" && hasLabel(node)) at("takes no [label]");
  const parsed = spec.attributes.safeParse(node.attributes ?? {}, { error: contentErrorMap });
  if (!parsed.success) {
    for (const issue of toFieldIssues(parsed.error.issues)) at(issue.message, `${written}{${formatFieldPath(issue.path)}}`);
    return;
  }
  recordReferences(node, parsed.data as Record<string, unknown>, walk);
}

function visit(node: Nodes, parent: DirectiveParent, walk: Walk) {
  let inside = parent;
  switch (node.type) {
    case "html":
      walk.issues.push({
        line: lineOf(node),
        message: `raw HTML is not allowed in lessons (found ${JSON.stringify(node.value.slice(0, 40))}); use Markdown or a directive`,
      });
      return;
    case "textDirective":
      walk.issues.push({
        line: lineOf(node),
        message: `":${node.name}" reads as an inline directive, and lessons have none; write "\\:" for a literal colon`,
      });
      return;
    case "containerDirective":
    case "leafDirective":
      checkDirective(node, parent, walk);
      if (node.name === "task" || node.name === "hint") inside = node.name;
      break;
    case "link":
    case "image":
    case "definition":
      checkUrl(node.url, node, walk);
      break;
  }
  if ("children" in node) for (const child of node.children) visit(child, inside, walk);
}

export function checkLessonTree(root: Root): LessonTreeReport {
  const walk: Walk = { issues: [], quizRefs: [], taskIds: [] };
  for (const child of root.children) visit(child, "root", walk);
  return walk;
}
