/**
 * Turns zod's validation issues into sentences for content authors: "is required", "must be one
 * of: beginner, intermediate, advanced (found "easy")", instead of zod's developer wording.
 * Messages written into a schema (`.regex(p, "must be kebab-case…")`) take precedence; this map
 * only words the generic cases. Shared by every content schema, including the quiz layer's,
 * because the loader in src/cli passes it to each parse.
 */
import type { z } from "zod";

type RawIssue = z.core.$ZodRawIssue;

const KIND_NAMES: Record<string, string> = {
  string: "text",
  number: "a number",
  int: "a whole number",
  boolean: "true or false",
  array: "a list",
  object: "a mapping of fields",
};

/** What the author wrote, in the words of the message ("a list", "the number 3"). */
function describeInput(input: unknown): string {
  if (input === null) return "an empty value";
  if (Array.isArray(input)) return "a list";
  if (typeof input === "string") return `the text ${JSON.stringify(input)}`;
  if (typeof input === "number" || typeof input === "boolean") return `${String(input)}`;
  if (typeof input === "object") return "a mapping of fields";
  return typeof input;
}

const quoteAll = (values: readonly unknown[]) => values.map((v) => String(v)).join(", ");

function sizeMessage(issue: RawIssue & { code: "too_small" | "too_big" }): string {
  const small = issue.code === "too_small";
  const limit = Number(small ? issue.minimum : issue.maximum);
  if (issue.origin === "string") {
    if (small && limit === 1) return "must not be empty";
    return `must be ${small ? "at least" : "at most"} ${limit} characters long`;
  }
  if (issue.origin === "array" || issue.origin === "set") {
    return small ? `needs at least ${limit} item${limit === 1 ? "" : "s"}` : `allows at most ${limit} items`;
  }
  return `must be ${small ? "at least" : "at most"} ${limit}`;
}

/** A discriminated union reports the whole object; the author needs the discriminator's value. */
function unionMessage(issue: RawIssue & { code: "invalid_union" }): string {
  const options: unknown = "options" in issue ? issue.options : undefined;
  if (issue.discriminator === undefined || !Array.isArray(options)) return "does not match any of the allowed forms";
  const input = issue.input as Record<string, unknown> | undefined;
  const value = input && typeof input === "object" ? input[issue.discriminator] : undefined;
  if (value === undefined) return `is required: one of ${quoteAll(options)}`;
  return `must be one of: ${quoteAll(options)} (found ${describeInput(value)})`;
}

/** The message for one issue; `undefined` leaves the schema's own message in place. */
export function authorMessage(issue: RawIssue): string | undefined {
  switch (issue.code) {
    case "invalid_type":
      if (issue.input === undefined) return "is required";
      return `must be ${KIND_NAMES[issue.expected] ?? issue.expected}, not ${describeInput(issue.input)}`;
    case "too_small":
    case "too_big":
      return sizeMessage(issue);
    case "invalid_value":
      if (issue.values.length === 1) return `must be ${JSON.stringify(issue.values[0])}`;
      return `must be one of: ${quoteAll(issue.values)} (found ${describeInput(issue.input)})`;
    case "invalid_union":
      return unionMessage(issue);
    case "unrecognized_keys":
      return "is not a known field; check its spelling";
    case "invalid_format":
      return "has the wrong format";
    default:
      return undefined;
  }
}

/** A zod error map for `schema.safeParse(value, { error: contentErrorMap })`. */
export const contentErrorMap: z.core.$ZodErrorMap = (issue) => authorMessage(issue);

/** One problem found in a piece of content, relative to its file. */
export interface FieldIssue {
  /** Field path as authors read it: `steps[2].check.label`; empty for the whole file. */
  readonly path: readonly (string | number)[];
  readonly message: string;
}

/**
 * Flattens zod issues into field issues. An unknown field is reported at the field itself
 * (one issue per key), not at the object that holds it, so the author sees its name and line.
 */
export function toFieldIssues(issues: readonly z.core.$ZodIssue[]): FieldIssue[] {
  return issues.flatMap((issue) => {
    const path = issue.path.filter((p): p is string | number => typeof p !== "symbol");
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((key) => ({ path: [...path, key], message: issue.message }));
    }
    return [{ path, message: issue.message }];
  });
}

/** `["steps", 2, "check", "label"]` → `steps[2].check.label`. */
export function formatFieldPath(path: readonly (string | number)[]): string {
  return path.reduce<string>((out, part) => {
    if (typeof part === "number") return `${out}[${part}]`;
    return out === "" ? part : `${out}.${part}`;
  }, "");
}
