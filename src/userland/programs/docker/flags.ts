/**
 * Command-line flags as the docker CLI parses them (spf13/pflag under cobra): `--name value`,
 * `--name=value`, `-n value`, `-nvalue`, grouped boolean shorthands (`-dit`), repeatable list
 * flags, and parsing that stops at the first operand (docker run's IMAGE), so the container's
 * own arguments are left alone. Errors carry pflag's wording.
 */

export type FlagKind = "bool" | "string" | "list" | "int" | "bytes" | "decimal" | "uint16";

export interface FlagSpec {
  readonly name: string;
  readonly short?: string;
  readonly kind: FlagKind;
}

export type FlagValues = Map<string, string[]>;

export type ParsedFlags =
  | { readonly ok: true; readonly flags: FlagValues; readonly operands: string[] }
  | { readonly ok: false; readonly error: string };

const describe = (spec: FlagSpec) => (spec.short ? `-${spec.short}, --${spec.name}` : `--${spec.name}`);

/** pflag's value check for the kinds that parse at flag time. */
function checkValue(spec: FlagSpec, value: string): string | undefined {
  const bad = (why: string) => `invalid argument "${value}" for "${describe(spec)}" flag: ${why}`;
  switch (spec.kind) {
    case "bool":
      return /^(1|0|t|f|T|F|true|false|TRUE|FALSE|True|False)$/.test(value) ? undefined : bad(`strconv.ParseBool: parsing "${value}": invalid syntax`);
    case "int":
      return /^[+-]?\d+$/.test(value) ? undefined : bad(`strconv.ParseInt: parsing "${value}": invalid syntax`);
    case "uint16":
      return /^\d+$/.test(value) && Number(value) <= 65535 ? undefined : bad(`strconv.ParseUint: parsing "${value}": ${/^\d+$/.test(value) ? "value out of range" : "invalid syntax"}`);
    case "bytes":
      return parseBytes(value) === undefined ? bad(`invalid size: '${value}'`) : undefined;
    case "decimal":
      return /^\d*\.?\d+$/.test(value) ? undefined : bad(`failed to parse ${value} as a rational number`);
    default:
      return undefined;
  }
}

const UNITS: Record<string, number> = { "": 1, b: 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4, p: 1024 ** 5 };

/** go-units RAMInBytes: `512m`, `1g`, `1.5GB`, `100` (bytes); binary multiples. */
export function parseBytes(text: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?)\s*([kKmMgGtTpPbB]?)[bB]?$/.exec(text);
  if (!m) return undefined;
  return Math.floor(Number(m[1]) * UNITS[m[2]!.toLowerCase()]!);
}

export function parseFlags(specs: readonly FlagSpec[], args: readonly string[], stopAtOperand: boolean): ParsedFlags {
  const byName = new Map(specs.map((s) => [s.name, s]));
  const byShort = new Map(specs.filter((s) => s.short).map((s) => [s.short!, s]));
  const flags: FlagValues = new Map();
  const operands: string[] = [];
  const set = (spec: FlagSpec, value: string): string | undefined => {
    const problem = checkValue(spec, value);
    if (problem) return problem;
    const list = flags.get(spec.name) ?? [];
    list.push(value);
    flags.set(spec.name, list);
    return undefined;
  };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === "--") {
      operands.push(...args.slice(i + 1));
      break;
    }
    if (!arg.startsWith("-") || arg === "-") {
      if (stopAtOperand) {
        operands.push(...args.slice(i));
        break;
      }
      operands.push(arg);
      continue;
    }
    if (arg.startsWith("--")) {
      const eq = arg.indexOf("=");
      const name = arg.slice(2, eq < 0 ? undefined : eq);
      const spec = byName.get(name);
      if (!spec) return { ok: false, error: `unknown flag: --${name}` };
      let value: string;
      if (eq >= 0) value = arg.slice(eq + 1);
      else if (spec.kind === "bool") value = "true";
      else if (i + 1 < args.length) value = args[++i]!;
      else return { ok: false, error: `flag needs an argument: --${name}` };
      const problem = set(spec, value);
      if (problem) return { ok: false, error: problem };
      continue;
    }
    // One or more shorthands: booleans group; a value flag takes the rest or the next arg.
    for (let j = 1; j < arg.length; j++) {
      const c = arg[j]!;
      const spec = byShort.get(c);
      if (!spec) return { ok: false, error: `unknown shorthand flag: '${c}' in ${arg}` };
      if (spec.kind === "bool") {
        const explicit = arg[j + 1] === "=" ? arg.slice(j + 2) : undefined;
        const problem = set(spec, explicit ?? "true");
        if (problem) return { ok: false, error: problem };
        if (explicit !== undefined) break;
        continue;
      }
      let value = arg.slice(j + 1);
      if (value.startsWith("=")) value = value.slice(1);
      if (value === "") {
        if (i + 1 >= args.length) return { ok: false, error: `flag needs an argument: '${c}' in -${c}` };
        value = args[++i]!;
      }
      const problem = set(spec, value);
      if (problem) return { ok: false, error: problem };
      break;
    }
  }
  return { ok: true, flags, operands };
}

/** The last value of a flag (a repeated scalar flag keeps the last one, as pflag does). */
export const lastValue = (flags: FlagValues, name: string): string | undefined => flags.get(name)?.at(-1);
export const isSet = (flags: FlagValues, name: string): boolean => (flags.get(name)?.at(-1) ?? "false") !== "false";
