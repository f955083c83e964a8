// readlink (readlink(2) and canonicalization), basename and dirname.
import { describe, expect, it } from "vitest";
import { runHeadless } from "../headless";

const run = (script: string) => {
  const r = runHeadless(script);
  return { out: r.stdout, err: r.stderr, status: r.status };
};

describe("readlink", () => {
  it("prints a link's text, and with -f the canonical name", () => {
    expect(run("readlink /bin /usr/sbin/init; readlink -f /bin/ls; readlink -f /etc/alternatives/awk; cd /usr/bin; readlink -f ../lib/../bin/./ls").out).toBe(
      "usr/bin\n../lib/systemd/systemd\n/usr/bin/ls\n/usr/bin/mawk\n/usr/bin/ls\n",
    );
  });

  it("resolves /proc magic links as the kernel reads them (transcript 14c: readlink /proc/self/ns/mnt)", () => {
    expect(run("readlink /proc/self/ns/mnt /proc/self/ns/pid").out).toBe("mnt:[4026531832]\npid:[4026531836]\n");
    expect(run("readlink /proc/1/exe").out).toBe("/usr/lib/systemd/systemd\n");
  });

  it("fails quietly on a non-link unless -v; -f wants all but the last component, -e all, -m none", () => {
    expect(run("readlink /etc/passwd")).toEqual({ out: "", err: "", status: 1 });
    expect(run("readlink -v /etc/passwd")).toEqual({ out: "", err: "readlink: /etc/passwd: Invalid argument\n", status: 1 });
    expect(run("readlink -f /etc/nope; readlink -f /nope/x; echo $?; readlink -e /etc/nope; echo $?; readlink -m /nope/x/../y").out).toBe("/etc/nope\n1\n1\n/nope/y\n");
  });

  it("drops the newline with -n, but not for several names", () => {
    expect(run("readlink -n /bin; echo '|'; readlink -n /bin /lib")).toEqual({
      out: "usr/bin|\nusr/bin\nusr/lib\n",
      err: "readlink: ignoring --no-newline with multiple arguments\n",
      status: 0,
    });
  });
});

describe("basename and dirname", () => {
  it("strip directories and a suffix as POSIX says", () => {
    expect(run("basename /usr/bin/ls; basename /a/b.txt .txt; basename b.txt b.txt; basename /usr/; basename /; basename -a x/y z/w; basename -s .c a.c /b/c.c").out).toBe(
      "ls\nb\nb.txt\nusr\n/\ny\nw\na\nc\n",
    );
    expect(run("dirname /usr/bin/ls; dirname ls; dirname /; dirname /usr/; dirname a//b//; dirname x/y z").out).toBe("/usr/bin\n.\n/\n/\na\nx\n.\n");
  });

  it("complain about missing and extra operands", () => {
    expect(run("basename")).toEqual({ out: "", err: "basename: missing operand\nTry 'basename --help' for more information.\n", status: 1 });
    expect(run("basename a b c")).toEqual({ out: "", err: "basename: extra operand ‘c’\nTry 'basename --help' for more information.\n", status: 1 });
    expect(run("dirname")).toEqual({ out: "", err: "dirname: missing operand\nTry 'dirname --help' for more information.\n", status: 1 });
  });
});
