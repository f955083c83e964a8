import type { Directives } from "mdast-util-directive";
import { Link } from "react-router";
import { findQuiz } from "./content";
import { MdastContent } from "./MdastContent";
import { attribute, describeTarget, splitDirective, terminalCommands } from "./mdast-helpers";

export interface LessonDirectiveProps {
  readonly node: Directives;
}

/**
 * The lesson directives (src/guide's LESSON_DIRECTIVES) as styled blocks: `:::task[title]`,
 * `:::hint` (folded), `::terminal{on command}` (the commands, as they will be typed),
 * `::quiz{id}` (a link to the quiz) and `::diagram{focus}`. An unknown directive shows its
 * content without decoration.
 */
export function LessonDirective({ node }: LessonDirectiveProps) {
  const { label, body } = splitDirective(node);
  const title = label ? <MdastContent nodes={label} /> : null;
  switch (node.name) {
    case "task":
      return (
        <div className="callout callout--task" role="note" aria-label="Task">
          <p className="callout__title">
            <span className="callout__kind">Task</span> {title}
          </p>
          <MdastContent nodes={body} />
        </div>
      );
    case "hint":
      return (
        <details className="callout callout--hint">
          <summary>{title ?? "Hint"}</summary>
          <MdastContent nodes={body} />
        </details>
      );
    case "terminal": {
      const commands = terminalCommands(node);
      return (
        <figure className="callout callout--terminal">
          <figcaption className="callout__title">Terminal {describeTarget(attribute(node, "on"))}</figcaption>
          {commands.length > 0 ? (
            <pre className="code code--terminal" tabIndex={0} aria-label="Commands">
              <code>
                {commands.map((line, i) => (
                  <span key={i} className="cmd">{`${line}\n`}</span>
                ))}
              </code>
            </pre>
          ) : (
            <p>The live terminal appears here when the lab opens.</p>
          )}
        </figure>
      );
    }
    case "quiz": {
      const id = attribute(node, "id") ?? "";
      const quiz = findQuiz(id);
      return (
        <div className="callout callout--quiz" role="note" aria-label="Quiz">
          <p>
            Check yourself: <Link to={`/quiz/${id}`}>{quiz?.title ?? title ?? "take the quiz"}</Link>
          </p>
        </div>
      );
    }
    case "diagram":
      return (
        <div className="callout callout--diagram" role="note" aria-label="Diagram">
          <p className="callout__title">Diagram: {attribute(node, "focus") ?? "kernel objects"}</p>
          <p>The live kernel diagram appears here when the lab opens.</p>
        </div>
      );
    default:
      return node.type === "containerDirective" ? <div><MdastContent nodes={body} /></div> : <span>{title}</span>;
  }
}
