import type { Nodes } from "mdast";
import { MdastNode } from "./MdastNode";

export interface MdastContentProps {
  readonly nodes: readonly Nodes[];
}

/** A list of mdast nodes (the body of a lesson, or the children of one node). */
export function MdastContent({ nodes }: MdastContentProps) {
  return (
    <>
      {nodes.map((node, index) => (
        // Lesson bodies are static: a node's position is a stable key.
        <MdastNode key={index} node={node} />
      ))}
    </>
  );
}
