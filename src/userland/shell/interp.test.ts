// The shell end to end: scripts run headless through the kernel, as `isolab sh -c` runs them.
import { describe, expect, it } from "vitest";
import { runHeadless } from "../headless";

const run = (script: string) => {
  const r = runHeadless(script);
  return { out: r.stdout, err: r.stderr, status: r.status };
};

describe("lists, status and control flow", () => {
  it("runs ; && || and reports $?", () => {
    expect(run("true && echo a; false || echo b; false && echo c; echo $?")).toEqual({ out: "a\nb\n1\n", err: "", status: 0 });
  });

  it("returns the last command's status, and exit's", () => {
    expect(run("false").status).toBe(1);
    expect(run("exit 42; echo never")).toEqual({ out: "", err: "", status: 42 });
    expect(run("! true").status).toBe(1);
  });

  it("runs if, while, until, for, case, break and continue", () => {
    const script = [
      "if false; then echo no; elif true; then echo elif; else echo else; fi",
      "i=0; while [ $i -lt 3 ]; do i=$((i+1)); [ $i -eq 2 ] && continue; echo w$i; done",
      "until true; do echo never; done",
      "for x in a b c; do [ $x = c ] && break; echo $x; done",
      "case hello in h*o) echo glob;; *) echo other;; esac",
    ].join("\n");
    expect(run(script).out).toBe("elif\nw1\nw3\na\nb\nglob\n");
  });

  it("defines and calls functions with their own positional parameters and return status", () => {
    expect(run('greet() { echo "hi $1 ($#)"; return 3; }; greet you there; echo $?; echo "[$1]"')).toMatchObject({ out: "hi you (2)\n3\n[]\n" });
  });
});

describe("expansions", () => {
  it("expands parameters, defaults, lengths and affixes", () => {
    const out = run('X=hello; echo ${X} ${#X} ${Y:-dflt} ${X#he} ${X%lo} ${Z:=set} $Z; P=/a/b/c.txt; echo ${P##*/} ${P%/*}').out;
    expect(out).toBe("hello 5 dflt llo hel set set\nc.txt /a/b\n");
  });

  it("splits unquoted expansions on IFS and keeps quoted ones whole", () => {
    expect(run('v="a  b   c"; for w in $v; do echo "<$w>"; done; for w in "$v"; do echo "<$w>"; done').out).toBe("<a>\n<b>\n<c>\n<a  b   c>\n");
  });

  it("substitutes commands, nested and in backquotes, stripping trailing newlines", () => {
    expect(run('echo "[$(echo $(echo deep))]" `echo back`').out).toBe("[deep] back\n");
  });

  it("evaluates arithmetic with C precedence, and reports division by zero like bash", () => {
    expect(run("echo $((2+3*4)) $(( (2+3)*4 )) $((7/2)) $((7%3)) $((2**10)) $((1<2 && 3>2)) $((x=5, x+1))").out).toBe("14 20 3 1 1024 1 6\n");
    const r = run("echo $((1/0)); echo after");
    expect(r.err).toBe("bash: line 1: 1/0: division by 0 (error token is \"0\")\n");
    expect(r.status).toBe(1);
  });

  it("expands globs against the simulated filesystem, sorted, and leaves a non-matching pattern as is", () => {
    const r = run("echo /etc/host*; echo /nonexistent/*.conf");
    expect(r.out).toBe("/etc/hostname /etc/hosts\n/nonexistent/*.conf\n");
  });

  it("expands \"$@\" to one field per argument", () => {
    expect(run('set -- "a b" c; for a in "$@"; do echo "<$a>"; done; echo $#').out).toBe("<a b>\n<c>\n2\n");
  });
});

describe("pipelines and redirections", () => {
  it("joins commands with pipes, each a process", () => {
    expect(run("echo one two | cat | cat").out).toBe("one two\n");
  });

  it("redirects to files, appends, reads them back, and sends stderr where asked", () => {
    const r = run("echo first > /tmp/f; echo second >> /tmp/f; cat < /tmp/f; cat /nope 2>/dev/null; echo $?; cat /nope 2>&1 | cat");
    expect(r.out).toBe("first\nsecond\n1\ncat: /nope: No such file or directory\n");
    expect(r.err).toBe("");
  });

  it("feeds here-documents and here-strings", () => {
    expect(run("n=7; cat <<EOF\nn is $n\nEOF\ncat <<'RAW'\n$n\nRAW\ncat <<< word").out).toBe("n is 7\n$n\nword\n");
  });

  it("reports a redirection it cannot open, in bash's words", () => {
    expect(run("cat < /nope; echo $?")).toEqual({ out: "1\n", err: "bash: line 1: /nope: No such file or directory\n", status: 0 });
  });
});

describe("commands and errors", () => {
  it("fails an unknown command with bash's message and status 127", () => {
    expect(run("nosuch")).toEqual({ out: "", err: "bash: line 1: nosuch: command not found\n", status: 127 });
  });

  it("prints a syntax error the way bash -c does", () => {
    expect(run("if true; fi")).toEqual({
      out: "", err: "bash: -c: line 1: syntax error near unexpected token `fi'\nbash: -c: line 1: `if true; fi'\n", status: 2,
    });
  });

  it("changes directory with cd and reports a missing one", () => {
    const r = run("cd /etc && pwd; cd /nope; echo $?; cd; pwd");
    expect(r.out).toBe("/etc\n1\n/root\n");
    expect(r.err).toBe("bash: line 1: cd: /nope: No such file or directory\n");
  });

  it("sleeps in simulated time", () => {
    expect(run("sleep 5; echo done").out).toBe("done\n");
  });

  it("runs background jobs and waits for them", () => {
    expect(run("(sleep 1; echo late) & echo early; wait; echo after").out).toBe("early\nlate\nafter\n");
  });

  it("passes exported variables to programs, and assignments before a command to it alone", () => {
    expect(run("export A=1; B=2 bash -c 'echo $A $B'; echo \"[$B]\"").out).toBe("1 2\n[]\n");
  });
});

describe("set -e and exec", () => {
  it("stops at the first failing command, but not in conditions or && lists", () => {
    expect(run("set -e; if false; then :; fi; false || true; false && true; echo reached; false; echo never")).toEqual({ out: "reached\n", err: "", status: 1 });
  });

  it("replaces the shell with exec, and keeps exec's redirections", () => {
    expect(run("exec /usr/bin/echo replaced; echo never").out).toBe("replaced\n");
    expect(run("exec 2>&1; cat /nope").out).toBe("cat: /nope: No such file or directory\n");
  });
});

describe("[regression] background commands are one process", () => {
  it("makes $! the PID of the command itself, not of a subshell around it", () => {
    expect(run("sleep 600 & ps -o args= -p $!; kill $!; wait $!; echo $?").out).toBe("sleep 600\n143\n");
  });
});

describe("[regression] a shell in a new PID namespace", () => {
  it("waits for its children by the PIDs its namespace gives them, and knows itself as PID 1", () => {
    expect(run("unshare --pid --fork /usr/bin/bash -c 'echo $$; /usr/bin/echo child; sleep 1 & echo $!; wait'").out).toBe("1\nchild\n3\n");
  });
});
