// head and tail through the kernel: files, pipes, headers, the obsolete forms, and -f.
import { describe, expect, it } from "vitest";
import { runHeadless } from "../headless";

const run = (script: string) => {
  const r = runHeadless(script);
  return { out: r.stdout, err: r.stderr, status: r.status };
};

const SETUP = "seq 1 15 > /tmp/n; printf 'a\\nb\\nc' > /tmp/abc; ";

describe("head", () => {
  it("prints the first 10 lines, -n N lines or -N, -c N bytes", () => {
    expect(run(`${SETUP}head /tmp/n`).out).toBe("1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n");
    expect(run(`${SETUP}head -n 2 /tmp/n; head -3 /tmp/n; head -c 3 /tmp/abc; echo; head --lines=1 /tmp/abc`).out).toBe("1\n2\n1\n2\n3\na\nb\na\n");
  });

  it("prints all but the last N with a leading minus", () => {
    expect(run(`${SETUP}head -n -13 /tmp/n; head -n -1 /tmp/abc; echo '|'; head -c -2 /tmp/abc; echo '|'`).out).toBe("1\n2\na\nb\n|\na\nb|\n");
  });

  it("puts ==> name <== headers between several files, and reads stdin as `-`", () => {
    expect(run(`${SETUP}head -n 1 /tmp/n /tmp/abc; echo x | head -v -n1`).out).toBe("==> /tmp/n <==\n1\n\n==> /tmp/abc <==\na\n==> standard input <==\nx\n");
    expect(run(`${SETUP}head -q -n1 /tmp/n /tmp/abc`).out).toBe("1\na\n");
  });

  it("stops reading once done: yes | head ends, and a shared file offset is left after the lines printed", () => {
    expect(run("yes | head -3")).toEqual({ out: "y\ny\ny\n", err: "", status: 0 });
    expect(run(`${SETUP}(head -n 1; head -n 1) < /tmp/n`).out).toBe("1\n2\n");
  });

  it("complains in head's words", () => {
    expect(run("head /nope")).toEqual({ out: "", err: "head: cannot open '/nope' for reading: No such file or directory\n", status: 1 });
    expect(run("head -n x /etc/hostname")).toEqual({ out: "", err: "head: invalid number of lines: ‘x’\n", status: 1 });
    expect(run("head -c 1y /etc/hostname").err).toBe("head: invalid number of bytes: ‘1y’\n");
    expect(run("head /etc")).toEqual({ out: "", err: "head: error reading '/etc': Is a directory\n", status: 1 });
    // The reference: a refused open, then wc counting nothing (transcript 10).
    expect(run("head -c 512 /nope | wc -c")).toEqual({ out: "0\n", err: "head: cannot open '/nope' for reading: No such file or directory\n", status: 0 });
  });
});

describe("tail", () => {
  it("prints the last 10 lines, -n N, -N, -c N", () => {
    expect(run(`${SETUP}tail /tmp/n | head -1; tail -n 2 /tmp/n; tail -1 /tmp/abc; echo; tail -c 3 /tmp/n`).out).toBe("6\n14\n15\nc\n15\n");
  });

  it("starts at line or byte N with +N, and takes the obsolete +N form", () => {
    expect(run(`${SETUP}tail -n +14 /tmp/n; tail +15 /tmp/n; tail -c +3 /tmp/abc; echo`).out).toBe("14\n15\n15\nb\nc\n");
  });

  it("keeps the last line without a newline, and reads a pipe (cat /proc/self/cgroup | tail -2, transcript 05)", () => {
    expect(run(`${SETUP}tail -n 2 /tmp/abc; echo; seq 5 | tail -2`).out).toBe("b\nc\n4\n5\n");
  });

  it("puts headers between files and complains in tail's words", () => {
    expect(run(`${SETUP}tail -n 1 /tmp/n /tmp/abc`).out).toBe("==> /tmp/n <==\n15\n\n==> /tmp/abc <==\nc");
    expect(run("tail /nope")).toEqual({ out: "", err: "tail: cannot open '/nope' for reading: No such file or directory\n", status: 1 });
    expect(run("tail -n z /nope")).toEqual({ out: "", err: "tail: invalid number of lines: ‘z’\n", status: 1 });
  });

  it("follows a growing file with -f, in simulated time", () => {
    const r = run("echo one > /tmp/log; tail -f /tmp/log & sleep 2; echo two >> /tmp/log; sleep 2; kill $!");
    expect(r.out).toBe("one\ntwo\n");
  });
});
