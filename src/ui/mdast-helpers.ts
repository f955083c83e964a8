/**
 * Small pure helpers for rendering lesson bodies (mdast) as React elements.
 * Lesson Markdown comes from instructors: these decide which URLs become links and how
 * directive nodes are read, so nothing in a lesson can inject markup or scripts.
 */
import type { Nodes, Paragraph, PhrasingContent, RootContent } from "mdast";
import type { Directives } from "mdast-util-directive";

/** The text of a node and its descendants, as Markdown would read it aloud. */
export function textOf(node: Nodes): string {
  if ("value" in node && typeof node.value === "string") return node.value;
  if (node.type === "break") return "\n";
  if ("children" in node) return (node.children as Nodes[]).map(textOf).join("");
  return "";
}

export type LinkTarget =
  | { readonly kind: "route"; readonly to: string }
  | { readonly kind: "external"; readonly href: string }
  | { readonly kind: "anchor"; readonly href: string }
  | { readonly kind: "none" };

/** Where a lesson link may go: app routes, in-page anchors, http(s) and mailto; nothing else. */
export function linkTarget(url: string): LinkTarget {
  const trimmed = url.trim();
  if (trimmed.startsWith("/") && !trimmed.startsWith("//")) return { kind: "route", to: trimmed };
  if (trimmed.startsWith("#")) return { kind: "anchor", href: trimmed };
  if (/^(https?:\/\/|mailto:)/i.test(trimmed)) return { kind: "external", href: trimmed };
  return { kind: "none" };
}

/** True for an image URL on this site (lessons never load anything from another origin). */
export const isLocalImage = (url: string): boolean => /^\/(?!\/)/.test(url.trim());

type Labelled = Paragraph & { data?: { directiveLabel?: boolean } };

const isLabel = (node: RootContent | undefined): node is Labelled =>
  node?.type === "paragraph" && Boolean((node as Labelled).data?.directiveLabel);

/**
 * A directive's label apart from its body. A container directive (`:::hint[Stuck?]`) keeps its
 * label as a first paragraph marked `directiveLabel`; a leaf or text directive (`::quiz[Check]`)
 * has only a label, as its children.
 */
export function splitDirective(node: Directives): { label?: readonly PhrasingContent[]; body: RootContent[] } {
  if (node.type !== "containerDirective") {
    return node.children.length > 0 ? { label: node.children, body: [] } : { body: [] };
  }
  const [first, ...rest] = node.children as RootContent[];
  if (isLabel(first)) return { label: first.children, body: rest };
  return { body: node.children as RootContent[] };
}

/**
 * The commands of a `::terminal` directive, one per line: its `command` attribute, then any code
 * or text inside it. A leading `$ ` prompt is dropped (the UI draws its own).
 */
export function terminalCommands(node: Directives): string[] {
  const { body } = splitDirective(node);
  const code = body.filter((child) => child.type === "code");
  const inside = (code.length > 0 ? code : body).map((child) => textOf(child));
  return [attribute(node, "command") ?? "", ...inside]
    .join("\n")
    .split("\n")
    .map((line) => line.replace(/^\$\s?/, "").trimEnd())
    .filter((line) => line.length > 0);
}

/** Where a terminal or check runs, in words: `host`, `container:web`, `vm:guest`. */
export function describeTarget(on: string | undefined): string {
  const [kind, name] = (on ?? "host").split(":", 2);
  if (kind === "container" && name) return `in container ${name}`;
  if (kind === "vm" && name) return `in virtual machine ${name}`;
  return "on the host";
}

/** A directive attribute, or undefined when missing or empty. */
export function attribute(node: Directives, name: string): string | undefined {
  const value = node.attributes?.[name];
  return value ? value : undefined;
}

/**
 * A lesson body without its opening `# Title` when that repeats the lesson's title: the page
 * already shows the title as its h1.
 */
export function bodyWithoutTitle(children: readonly RootContent[], title: string): readonly RootContent[] {
  const [first, ...rest] = children;
  const repeatsTitle = first?.type === "heading" && first.depth === 1 && textOf(first).trim() === title.trim();
  return repeatsTitle ? rest : children;
}
