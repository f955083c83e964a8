/**
 * A content error as authors read it: the file, the line when known, the field path
 * (`steps[2].check.label`) and what is wrong. content:check prints one per line; the Vite
 * plugin fails the build with the same lines.
 */
export interface ContentError {
  /** Path from the project root, e.g. `content/scenarios/01-privileged/scenario.yaml`. */
  readonly file: string;
  readonly line?: number;
  /** Field path inside the file, or a directive such as `:::task{check}`. */
  readonly field?: string;
  readonly message: string;
}

/** `content/quizzes/01-x/quiz.yaml:14: questions[2].choices: must have exactly one…` */
export function formatContentError(error: ContentError): string {
  const where = error.line === undefined ? error.file : `${error.file}:${error.line}`;
  return error.field ? `${where}: ${error.field}: ${error.message}` : `${where}: ${error.message}`;
}

/** Errors in file order, then line order, so the output reads top to bottom. */
export function sortContentErrors(errors: readonly ContentError[]): ContentError[] {
  return [...errors].sort((a, b) => {
    if (a.file !== b.file) return a.file < b.file ? -1 : 1;
    return (a.line ?? 0) - (b.line ?? 0);
  });
}
