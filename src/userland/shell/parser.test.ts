import { describe, expect, it } from "vitest";
import type { Command, Script, SimpleCommand, Word } from "./ast";
import { parseScript, plainText } from "./parser";

function parse(source: string): Script {
  const out = parseScript(source);
  if (!out.ok) throw new Error(`unexpected syntax error: ${JSON.stringify(out.error)}`);
  return out.script;
}

const first = (script: Script): Command => script.items[0]!.andOr.first.commands[0]!;
const simple = (source: string): SimpleCommand => {
  const c = first(parse(source));
  if (c.type !== "simple") throw new Error(`not a simple command: ${c.type}`);
  return c;
};
/** A word as text, with quoting shown: 'x' for quoted, "…" for double quotes, $x for params. */
function show(word: Word): string {
  return word.parts
    .map((p) => {
      switch (p.type) {
        case "lit": return p.text;
        case "quoted": return `'${p.text}'`;
        case "dq": return `"${show({ parts: p.parts })}"`;
        case "param": return `\${${p.length ? "#" : ""}${p.name}${p.op ?? ""}${p.arg ? show(p.arg) : ""}}`;
        case "cmd": return `$(${p.script.items.length})`;
        case "arith": return `$((${show(p.expr)}))`;
      }
    })
    .join("");
}
const words = (source: string) => simple(source).words.map(show);

describe("words and quoting", () => {
  it("splits on blanks and keeps quoting as parts", () => {
    expect(words(`echo a  b\t'c d' "e $HOME" f\\ g`)).toEqual(["echo", "a", "b", "'c d'", '"e ${HOME}"', "f' 'g"]);
  });

  it("reads parameter forms", () => {
    expect(words("echo $1 $? $$ $! ${#PATH} ${X:-default value} ${Y#*/} $")).toEqual([
      "echo", "${1}", "${?}", "${$}", "${!}", "${#PATH}", "${X:-default value}", "${Y#*/}", "$",
    ]);
  });

  it("parses command substitutions, nested and in backticks", () => {
    const w = simple("echo $(echo $(id -u)) `hostname`").words;
    expect(w[1]!.parts[0]).toMatchObject({ type: "cmd", backtick: false });
    expect(w[2]!.parts[0]).toMatchObject({ type: "cmd", backtick: true });
  });

  it("keeps a `)` inside a case pattern within $( )", () => {
    const c = simple("x=$(case a in a) echo yes;; esac)");
    expect(c.assigns[0]!.value.parts[0]).toMatchObject({ type: "cmd" });
  });

  it("reads arithmetic with its own parentheses", () => {
    expect(words("echo $(( (1+2) * $N ))")).toEqual(["echo", '$(( (1+2) * ${N} ))']);
  });

  it("reads $'…' with C escapes", () => {
    expect(words("printf $'a\\tb\\n'")).toEqual(["printf", "'a\tb\n'"]);
  });

  it("treats # as a comment only at the start of a word", () => {
    expect(words("echo a#b # comment")).toEqual(["echo", "a#b"]);
  });

  it("continues lines after a backslash-newline", () => {
    expect(words("echo a \\\n b")).toEqual(["echo", "a", "b"]);
  });
});

describe("simple commands", () => {
  it("separates assignments, words and redirections", () => {
    const c = simple("A=1 B+=x env 2>&1 >out <in cat >>log");
    expect(c.assigns.map((a) => [a.name, show(a.value), a.append])).toEqual([["A", "1", false], ["B", "x", true]]);
    expect(c.words.map(show)).toEqual(["env", "cat"]);
    expect(c.redirects.map((r) => [r.fd, r.op, show(r.target)])).toEqual([[2, ">&", "1"], [undefined, ">", "out"], [undefined, "<", "in"], [undefined, ">>", "log"]]);
  });

  it("does not take a=b after the command name as an assignment", () => {
    expect(simple("echo a=b").assigns).toEqual([]);
  });

  it("reads here-documents after the line, expanding unless the delimiter is quoted", () => {
    const c = simple("cat <<EOF; echo\nhello $USER\nEOF\n");
    expect(c.redirects[0]!.heredoc).toMatchObject({ body: "hello $USER\n", expand: true, delimitedByEof: false });
    const q = simple("cat <<'EOF'\n$x\nEOF");
    expect(q.redirects[0]!.heredoc).toMatchObject({ body: "$x\n", expand: false });
    const tabs = simple("cat <<-END\n\t\tindented\n\tEND\n");
    expect(tabs.redirects[0]!.heredoc!.body).toBe("indented\n");
  });

  it("notes a here-document that ran into the end of input", () => {
    expect(simple("cat <<EOF\nno end").redirects[0]!.heredoc).toMatchObject({ body: "no end\n", delimitedByEof: true });
  });
});

describe("lists, pipelines and compound commands", () => {
  it("parses and-or lists, pipelines, ! and background jobs", () => {
    const s = parse("! a | b && c || d & e; f");
    expect(s.items.map((i) => i.background)).toEqual([true, false, false]);
    const andOr = s.items[0]!.andOr;
    expect(andOr.first.bang).toBe(true);
    expect(andOr.first.commands).toHaveLength(2);
    expect(andOr.rest.map((r) => r.op)).toEqual(["&&", "||"]);
  });

  it("parses the classic fork bomb as a function whose body pipes to itself in the background", () => {
    const s = parse(":(){ :|:& };:");
    const def = first(s);
    expect(def).toMatchObject({ type: "function", name: ":" });
    if (def.type !== "function" || def.body.command.type !== "group") throw new Error("shape");
    const inner = def.body.command.body.items[0]!;
    expect(inner.background).toBe(true);
    expect(inner.andOr.first.commands).toHaveLength(2);
    expect(s.items[1]!.andOr.first.commands[0]).toMatchObject({ type: "simple" });
  });

  it("parses if/elif/else, while, until, for and case", () => {
    const s = parse([
      "if a; then b; elif c; then d; else e; fi",
      "while x; do y; done",
      "until x; do y; done",
      "for i in 1 2 3; do echo $i; done",
      "for arg; do :; done",
      "case $x in a|b) one;; (c) two;& *) three;; esac",
    ].join("\n"));
    expect(s.items.map((i) => { const c = i.andOr.first.commands[0]!; return c.type === "compound" ? c.command.type : c.type; }))
      .toEqual(["if", "while", "until", "for", "for", "case"]);
    const kase = s.items[5]!.andOr.first.commands[0]!;
    if (kase.type !== "compound" || kase.command.type !== "case") throw new Error("shape");
    expect(kase.command.items.map((i) => [i.patterns.map(show), i.terminator])).toEqual([[["a", "b"], ";;"], [["c"], ";&"], [["*"], ";;"]]);
  });

  it("parses subshells and groups with redirections", () => {
    const c = first(parse("(cd /; ls) > out"));
    expect(c).toMatchObject({ type: "compound", command: { type: "subshell" } });
    expect(c.type === "compound" && c.redirects.length).toBe(1);
  });

  it("only recognises reserved words where a command starts", () => {
    expect(words("echo if then fi")).toEqual(["echo", "if", "then", "fi"]);
  });

  it("accepts bash's function keyword", () => {
    expect(first(parse("function greet { echo hi; }"))).toMatchObject({ type: "function", name: "greet" });
  });

  it("gives plain text of a name word", () => {
    expect(plainText(simple("ls").words[0]!)).toBe("ls");
    expect(plainText(simple("'ls'").words[0]!)).toBeUndefined();
  });
});

describe("syntax errors are data", () => {
  const error = (source: string) => {
    const out = parseScript(source);
    if (out.ok) throw new Error("expected a syntax error");
    return out.error;
  };

  it("names the unexpected token", () => {
    expect(error("if true; fi")).toEqual({ kind: "unexpected", token: "fi", line: 1 });
    expect(error("echo a &&")).toMatchObject({ kind: "eof" });
    expect(error("| ls")).toEqual({ kind: "unexpected", token: "|", line: 1 });
    expect(error("echo ;;")).toEqual({ kind: "unexpected", token: ";;", line: 1 });
    expect(error("(ls")).toMatchObject({ kind: "eof" });
    expect(error("echo hi\n)")).toEqual({ kind: "unexpected", token: ")", line: 2 });
  });

  it("reports unterminated quotes and substitutions", () => {
    expect(error("echo 'abc")).toMatchObject({ kind: "eof", unterminated: "'" });
    expect(error('echo "abc')).toMatchObject({ kind: "eof", unterminated: '"' });
    expect(error("echo $(ls")).toMatchObject({ kind: "eof" });
    expect(error("echo `ls")).toMatchObject({ kind: "eof", unterminated: "`" });
  });

  it("reports a bad substitution", () => {
    expect(error("echo ${}")).toMatchObject({ kind: "bad-substitution", text: "${}" });
  });
});
