/**
 * YAML parsing that remembers where each value came from, so a schema error at
 * `steps[2].check.label` can name the line the author has to edit.
 */
import { LineCounter, isMap, isScalar, isSeq, parseDocument } from "yaml";
import type { Node as YamlNode } from "yaml";
import { err, ok } from "../../lib/index.ts";
import type { Result } from "../../lib/index.ts";
import type { ContentError } from "./content-error.ts";

export interface YamlSource {
  readonly value: unknown;
  /** The line of the deepest node on `path` that exists (the key's line for a map entry). */
  lineOf(path: readonly (string | number)[]): number | undefined;
}

/** The first line of a yaml error message, without the position the error already carries. */
const firstLine = (message: string) => (message.split("\n")[0] ?? message).replace(/ at line \d+, column \d+:?$/, "");

/**
 * Parses `text` as one YAML document. `lineOffset` is added to every line, for YAML that starts
 * further down a file (a lesson's frontmatter starts on line 2).
 */
export function parseYamlSource(file: string, text: string, lineOffset = 0): Result<YamlSource, ContentError[]> {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, uniqueKeys: true, prettyErrors: true });
  if (doc.errors.length > 0) {
    return err(doc.errors.map((e) => ({
      file,
      line: e.linePos ? e.linePos[0].line + lineOffset : undefined,
      message: `YAML syntax: ${firstLine(e.message)}`,
    })));
  }
  const lineAt = (node: YamlNode | null | undefined) =>
    node?.range ? counter.linePos(node.range[0]).line + lineOffset : undefined;
  const lineOf = (path: readonly (string | number)[]) => {
    let node: unknown = doc.contents;
    let line = lineAt(doc.contents);
    for (const part of path) {
      if (isMap(node)) {
        const pair = node.items.find((p) => isScalar(p.key) && p.key.value === part);
        if (!pair) break;
        line = lineAt(pair.key as YamlNode) ?? line;
        node = pair.value;
      } else if (isSeq(node) && typeof part === "number" && node.items[part] !== undefined) {
        node = node.items[part];
        line = lineAt(node as YamlNode) ?? line;
      } else break;
    }
    return line;
  };
  return ok({ value: doc.toJS(), lineOf });
}
