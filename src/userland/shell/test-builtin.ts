/**
 * `test` and `[` (XCU test): file tests through stat(2)/lstat(2) and access checks, string and
 * integer comparisons, `!`, `-a`, `-o` and parentheses. Status 0 true, 1 false, 2 error.
 */
import type { StatResult } from "../../kernel/index.ts";
import { S_IFMT } from "../../kernel/index.ts";
import type { Sys } from "../process/sys";
import { sys } from "../process/sys";
import type { Shell } from "./interp";
import { complain, where } from "./interp";

class TestError extends Error {}

const TYPES: Record<string, number> = { "-d": 0o040000, "-f": 0o100000, "-b": 0o060000, "-c": 0o020000, "-p": 0o010000, "-S": 0o140000 };
const INT_OPS: Record<string, (a: number, b: number) => boolean> = {
  "-eq": (a, b) => a === b, "-ne": (a, b) => a !== b, "-lt": (a, b) => a < b, "-le": (a, b) => a <= b, "-gt": (a, b) => a > b, "-ge": (a, b) => a >= b,
};
const UNARY = new Set(["-e", "-f", "-d", "-b", "-c", "-p", "-S", "-L", "-h", "-r", "-w", "-x", "-s", "-z", "-n"]);

/**
 * -r and -w try to open the file as the shell's credentials allow (what access(2) answers);
 * SIMPLIFICATION: -x reads the mode bits only, ignoring who owns the file.
 */
function* fileTest(op: string, path: string): Sys<boolean> {
  const link = op === "-L" || op === "-h";
  const st = yield* sys<StatResult>({ name: link ? "lstat" : "stat", path });
  if (!st.ok) return false;
  const mode = st.value.mode;
  if (link) return (mode & S_IFMT) === 0o120000;
  if (op === "-e") return true;
  if (op === "-s") return st.value.size > 0;
  if (TYPES[op] !== undefined) return (mode & S_IFMT) === TYPES[op];
  const open = yield* sys<{ fd: number }>({ name: "openat", path, flags: op === "-w" ? 1 : 0 });
  if (op === "-x") return (mode & 0o111) !== 0;
  if (open.ok) yield* sys<0>({ name: "close", fd: open.value.fd });
  return open.ok || open.error === "EISDIR";
}

function toInt(sh: Shell, text: string): number {
  if (!/^\s*-?\d+\s*$/.test(text)) throw new TestError(`${where(sh)}test: ${text}: integer expression expected`);
  return Number(text);
}

export function* testBuiltin(sh: Shell, argv: string[]): Sys<number> {
  let args = argv.slice(1);
  if (argv[0] === "[") {
    if (args[args.length - 1] !== "]") {
      yield* complain(sh, `${where(sh)}[: missing \`]'`);
      return 2;
    }
    args = args.slice(0, -1);
  }
  let pos = 0;
  function* primary(): Sys<boolean> {
    const a = args[pos];
    if (a === undefined) throw new TestError(`${where(sh)}test: argument expected`);
    if (a === "!") {
      pos++;
      return !(yield* primary());
    }
    if (a === "(" ) {
      pos++;
      const v = yield* orExpr();
      if (args[pos] !== ")") throw new TestError(`${where(sh)}test: \`)' expected`);
      pos++;
      return v;
    }
    const op = args[pos + 1];
    if (op !== undefined && (op === "=" || op === "==" || op === "!=" || INT_OPS[op]) && args[pos + 2] !== undefined) {
      const b = args[pos + 2]!;
      pos += 3;
      if (op === "=" || op === "==") return a === b;
      if (op === "!=") return a !== b;
      return INT_OPS[op]!(toInt(sh, a), toInt(sh, b));
    }
    if (UNARY.has(a) && args[pos + 1] !== undefined) {
      const operand = args[pos + 1]!;
      pos += 2;
      if (a === "-z") return operand === "";
      if (a === "-n") return operand !== "";
      return yield* fileTest(a, operand);
    }
    pos++;
    return a !== "";
  }
  function* andExpr(): Sys<boolean> {
    let v = yield* primary();
    while (args[pos] === "-a") {
      pos++;
      const w = yield* primary();
      v = v && w;
    }
    return v;
  }
  function* orExpr(): Sys<boolean> {
    let v = yield* andExpr();
    while (args[pos] === "-o") {
      pos++;
      const w = yield* andExpr();
      v = v || w;
    }
    return v;
  }
  try {
    if (args.length === 0) return 1;
    const v = yield* orExpr();
    if (pos < args.length) throw new TestError(`${where(sh)}${argv[0]}: too many arguments`);
    return v ? 0 : 1;
  } catch (e) {
    if (!(e instanceof TestError)) throw e;
    yield* complain(sh, e.message);
    return 2;
  }
}
