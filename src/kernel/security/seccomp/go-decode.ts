/**
 * Decoding parsed JSON into moby's Go types the way encoding/json does, to report the same
 * UnmarshalTypeError texts Docker prints for a wrongly typed profile, e.g.
 * "json: cannot unmarshal string into Go struct field Syscall.syscalls.names of type []string".
 * Go keeps decoding after a type error and returns the first one; null leaves a field unset;
 * unknown keys are ignored; keys match exactly or, failing that, case-insensitively.
 */

export type GoType =
  | { readonly kind: "string"; readonly name: string }
  | { readonly kind: "uint"; readonly name: "uint" | "uint64" }
  | { readonly kind: "slice"; readonly name: string; readonly elem: GoType }
  | { readonly kind: "struct"; readonly name: string; readonly fields: Readonly<Record<string, GoType>> }
  /** A field with its own UnmarshalJSON (moby's KernelVersion): checked by `custom`, errors abort. */
  | { readonly kind: "custom"; readonly name: string; readonly check: (raw: unknown) => string | undefined };

interface Ctx {
  first?: string;
  fatal?: string;
}

/**
 * Go's name for a JSON value's kind in UnmarshalTypeError: "number 1.5" carries the literal.
 * SIMPLIFICATION: the number is re-printed by JavaScript, so `1e2` reads `100`, not as written.
 */
function kindOf(v: unknown): string {
  if (Array.isArray(v)) return "array";
  if (typeof v === "number") return `number ${String(v)}`;
  if (typeof v === "boolean") return "bool";
  return typeof v === "string" ? "string" : "object";
}

const shortStruct = (name: string) => name.slice(name.lastIndexOf(".") + 1);
const MAX_UINT64 = 2 ** 64;

function typeError(ctx: Ctx, v: unknown, t: GoType, struct: string | undefined, path: readonly string[]): void {
  // UnmarshalTypeError puts the literal only after "number" for numeric-target mismatches.
  const kind = t.kind === "uint" ? kindOf(v) : kindOf(v).replace(/^number .*/, "number");
  const where = struct && path.length ? `Go struct field ${struct}.${path.join(".")}` : "Go value";
  ctx.first ??= `json: cannot unmarshal ${kind} into ${where} of type ${t.name}`;
}

function fieldKey(obj: Readonly<Record<string, unknown>>, field: string): string | undefined {
  if (field in obj) return field;
  return Object.keys(obj).find((k) => k.toLowerCase() === field.toLowerCase());
}

function decodeStruct(v: object, t: Extract<GoType, { kind: "struct" }>, ctx: Ctx, path: readonly string[]): unknown {
  const obj = v as Readonly<Record<string, unknown>>;
  const out: Record<string, unknown> = {};
  const owners = Object.keys(t.fields).map((f) => [f, fieldKey(obj, f)] as const).filter(([, k]) => k !== undefined);
  // Document order, as Go walks the object.
  const order = Object.keys(obj).flatMap((k) => owners.filter(([, key]) => key === k).map(([f]) => f));
  for (const field of order) {
    const raw = obj[fieldKey(obj, field) as string];
    const ft = t.fields[field] as GoType;
    const value = decode(raw, ft, ctx, shortStruct(t.name), [...path, field]);
    if (value !== undefined) out[field] = value;
  }
  return out;
}

/** The decoded value (undefined for null or a value of the wrong type). */
export function decode(v: unknown, t: GoType, ctx: Ctx, struct: string | undefined, path: readonly string[]): unknown {
  if (v === null || ctx.fatal) return undefined;
  switch (t.kind) {
    case "string":
      if (typeof v === "string") return v;
      break;
    case "uint":
      // SIMPLIFICATION: both are 64-bit (Go on amd64); JS numbers are exact only below 2^53.
      if (typeof v === "number" && Number.isInteger(v) && v >= 0 && v < MAX_UINT64) return v;
      break;
    case "slice":
      if (Array.isArray(v)) return v.map((e) => decode(e, t.elem, ctx, struct, path)).filter((e) => e !== undefined);
      break;
    case "struct":
      if (typeof v === "object" && !Array.isArray(v)) return decodeStruct(v, t, ctx, path);
      break;
    case "custom": {
      const fatal = t.check(v);
      if (fatal) ctx.fatal = fatal;
      return fatal ? undefined : v;
    }
  }
  typeError(ctx, v, t, struct, path);
  return undefined;
}

/** Decodes `value` as a `t`; the error is the abort error if any, else the first type error. */
export function goDecode(value: unknown, t: GoType): { readonly value: unknown; readonly error?: string } {
  const ctx: Ctx = {};
  const out = decode(value, t, ctx, undefined, []);
  const error = ctx.fatal ?? ctx.first;
  return error ? { value: out, error } : { value: out };
}
