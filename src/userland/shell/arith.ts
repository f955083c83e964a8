/**
 * Shell arithmetic (XCU 2.6.4, bash's `$(( ))`): 64-bit signed integers with C's operators and
 * precedence, variables by name (unset or empty is 0), assignments and ++/--.
 * Errors read as bash prints them: `1/0: division by 0 (error token is "0")`.
 */

export interface ArithEnv {
  get(name: string): string | undefined;
  set(name: string, value: string): void;
}

export class ArithError extends Error {}

type Tok = { t: "num"; v: bigint } | { t: "name"; v: string } | { t: "op"; v: string };

const OPS = ["<<=", ">>=", "**", "<<", ">>", "<=", ">=", "==", "!=", "&&", "||", "++", "--", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=",
  "+", "-", "*", "/", "%", "<", ">", "=", "&", "|", "^", "!", "~", "?", ":", "(", ")", ","];

function tokenize(expr: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < expr.length) {
    const c = expr[i]!;
    if (/\s/.test(c)) i++;
    else if (/[0-9]/.test(c)) {
      const m = /^(0[xX][0-9a-fA-F]+|[0-9]+#[0-9a-zA-Z@_]+|[0-9]+)/.exec(expr.slice(i))!;
      out.push({ t: "num", v: parseNumber(m[0]) });
      i += m[0].length;
    } else if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(expr.slice(i))!;
      out.push({ t: "name", v: m[0] });
      i += m[0].length;
    } else {
      const op = OPS.find((o) => expr.startsWith(o, i));
      if (!op) throw new ArithError(`${expr}: syntax error: operand expected (error token is "${expr.slice(i)}")`);
      out.push({ t: "op", v: op });
      i += op.length;
    }
  }
  return out;
}

function parseNumber(text: string): bigint {
  if (/^0[xX]/.test(text)) return BigInt(text);
  const based = /^([0-9]+)#(.+)$/.exec(text);
  if (based) {
    const base = Number(based[1]);
    let v = 0n;
    for (const ch of based[2]!) v = v * BigInt(base) + BigInt(parseInt(ch, 36));
    return v;
  }
  if (text.length > 1 && text.startsWith("0")) return BigInt(`0o${text.slice(1)}`);
  return BigInt(text);
}

const wrap = (v: bigint): bigint => BigInt.asIntN(64, v);

const BINARY: Record<string, [number, (a: bigint, b: bigint) => bigint]> = {
  "||": [1, (a, b) => (a || b ? 1n : 0n)], "&&": [2, (a, b) => (a && b ? 1n : 0n)],
  "|": [3, (a, b) => a | b], "^": [4, (a, b) => a ^ b], "&": [5, (a, b) => a & b],
  "==": [6, (a, b) => (a === b ? 1n : 0n)], "!=": [6, (a, b) => (a !== b ? 1n : 0n)],
  "<": [7, (a, b) => (a < b ? 1n : 0n)], ">": [7, (a, b) => (a > b ? 1n : 0n)], "<=": [7, (a, b) => (a <= b ? 1n : 0n)], ">=": [7, (a, b) => (a >= b ? 1n : 0n)],
  "<<": [8, (a, b) => a << b], ">>": [8, (a, b) => a >> b],
  "+": [9, (a, b) => a + b], "-": [9, (a, b) => a - b],
  "*": [10, (a, b) => a * b], "/": [10, (a, b) => a / b], "%": [10, (a, b) => a % b],
  "**": [11, (a, b) => a ** b],
};

/** Evaluates `expr`; throws ArithError with bash's message. */
export function evalArith(expr: string, env: ArithEnv): bigint {
  const toks = tokenize(expr);
  let pos = 0;
  const peek = () => toks[pos];
  const isOp = (v: string) => peek()?.t === "op" && peek()!.v === v;
  const fail = (): never => {
    const rest = toks.slice(pos).map((t) => String(t.v)).join(" ");
    throw new ArithError(`${expr.trim()}: syntax error: ${rest ? `invalid arithmetic operator (error token is "${rest}")` : "operand expected (error token is \"\")"}`);
  };
  const varValue = (name: string): bigint => {
    const text = env.get(name) ?? "";
    if (text.trim() === "") return 0n;
    return evalArith(text, env);
  };

  function assignment(): bigint {
    const t = peek();
    const next = toks[pos + 1];
    if (t?.t === "name" && next?.t === "op" && ["=", "+=", "-=", "*=", "/=", "%=", "<<=", ">>=", "&=", "|=", "^="].includes(next.v)) {
      pos += 2;
      const rhs = assignment();
      const v = next.v === "=" ? rhs : binary(next.v.slice(0, -1), varValue(t.v), rhs);
      env.set(t.v, String(v));
      return v;
    }
    return ternary();
  }
  function ternary(): bigint {
    const cond = climb(1);
    if (!isOp("?")) return cond;
    pos++;
    const a = assignment();
    if (!isOp(":")) fail();
    pos++;
    const b = assignment();
    return cond ? a : b;
  }
  function binary(op: string, a: bigint, b: bigint): bigint {
    if ((op === "/" || op === "%") && b === 0n) throw new ArithError(`${expr.trim()}: division by 0 (error token is "${String(toks[toks.length - 1]?.v ?? "")}")`);
    if (op === "**" && b < 0n) throw new ArithError(`${expr.trim()}: exponent less than 0 (error token is "${String(b)}")`);
    return wrap(BINARY[op]![1](a, b));
  }
  function climb(min: number): bigint {
    let left = unary();
    for (;;) {
      const t = peek();
      if (t?.t !== "op" || !BINARY[t.v] || BINARY[t.v]![0] < min) return left;
      const [prec] = BINARY[t.v]!;
      pos++;
      const right = climb(t.v === "**" ? prec : prec + 1);
      left = binary(t.v, left, right);
    }
  }
  function unary(): bigint {
    const t = peek();
    if (t?.t === "op") {
      if (t.v === "-" || t.v === "+" || t.v === "!" || t.v === "~") {
        pos++;
        const v = unary();
        return t.v === "-" ? wrap(-v) : t.v === "+" ? v : t.v === "!" ? (v ? 0n : 1n) : ~v;
      }
      if (t.v === "++" || t.v === "--") {
        pos++;
        const name = peek();
        if (name?.t !== "name") return fail();
        pos++;
        const v = wrap(varValue(name.v) + (t.v === "++" ? 1n : -1n));
        env.set(name.v, String(v));
        return v;
      }
      if (t.v === "(") {
        pos++;
        const v = comma();
        if (!isOp(")")) fail();
        pos++;
        return v;
      }
      return fail();
    }
    if (!t) return fail();
    pos++;
    if (t.t === "num") return t.v;
    if (isOp("++") || isOp("--")) {
      const op = (peek() as { v: string }).v;
      pos++;
      const v = varValue(t.v);
      env.set(t.v, String(wrap(v + (op === "++" ? 1n : -1n))));
      return v;
    }
    return varValue(t.v);
  }
  function comma(): bigint {
    let v = assignment();
    while (isOp(",")) {
      pos++;
      v = assignment();
    }
    return v;
  }

  if (toks.length === 0) return 0n;
  const v = comma();
  if (pos < toks.length) fail();
  return v;
}
