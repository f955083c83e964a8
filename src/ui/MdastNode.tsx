import type { Heading, Nodes } from "mdast";
import { createElement } from "react";
import { LessonDirective } from "./LessonDirective";
import { MdastContent } from "./MdastContent";
import { MdastLink } from "./MdastLink";
import { MdastTable } from "./MdastTable";
import { isLocalImage } from "./mdast-helpers";

export interface MdastNodeProps {
  readonly node: Nodes;
}

/** Lesson headings sit under the page's h1: `#` becomes h2, and so on down to h6. */
const headingTag = (depth: Heading["depth"]) => `h${Math.min(depth + 1, 6)}`;

/**
 * One mdast node as React elements. Raw HTML nodes are dropped (content:check refuses them
 * anyway): lesson content never becomes markup by any other way than these elements.
 */
export function MdastNode({ node }: MdastNodeProps) {
  switch (node.type) {
    case "root":
      return <MdastContent nodes={node.children} />;
    case "paragraph":
      return <p><MdastContent nodes={node.children} /></p>;
    case "heading":
      return createElement(headingTag(node.depth), null, <MdastContent nodes={node.children} />);
    case "text":
      return node.value;
    case "emphasis":
      return <em><MdastContent nodes={node.children} /></em>;
    case "strong":
      return <strong><MdastContent nodes={node.children} /></strong>;
    case "delete":
      return <del><MdastContent nodes={node.children} /></del>;
    case "inlineCode":
      return <code>{node.value}</code>;
    case "break":
      return <br />;
    case "thematicBreak":
      return <hr />;
    case "blockquote":
      return <blockquote><MdastContent nodes={node.children} /></blockquote>;
    case "list":
      return node.ordered ? (
        <ol start={node.start ?? undefined}><MdastContent nodes={node.children} /></ol>
      ) : (
        <ul><MdastContent nodes={node.children} /></ul>
      );
    case "listItem":
      return (
        <li className={node.checked == null ? undefined : "task-item"}>
          {node.checked != null && <span className="task-item__box" aria-label={node.checked ? "done" : "to do"}>{node.checked ? "✓" : ""}</span>}
          {/* A tight list item's paragraph renders inline, as Markdown renderers do. */}
          {node.spread ? <MdastContent nodes={node.children} /> : node.children.map((child, i) =>
            child.type === "paragraph" ? <MdastContent key={i} nodes={child.children} /> : <MdastNode key={i} node={child} />,
          )}
        </li>
      );
    case "code":
      return (
        <pre className="code" tabIndex={0} aria-label={node.lang ? `${node.lang} code` : "Code"}>
          <code>{node.value}</code>
        </pre>
      );
    case "link":
      return <MdastLink url={node.url} title={node.title}><MdastContent nodes={node.children} /></MdastLink>;
    case "image":
      return isLocalImage(node.url) ? <img src={node.url} alt={node.alt ?? ""} loading="lazy" /> : <span>{node.alt}</span>;
    case "table":
      return <MdastTable table={node} />;
    case "containerDirective":
    case "leafDirective":
    case "textDirective":
      return <LessonDirective node={node} />;
    case "html":
    case "yaml":
    case "definition":
    case "footnoteDefinition":
      return null;
    default:
      return "children" in node ? <MdastContent nodes={node.children as Nodes[]} /> : null;
  }
}
