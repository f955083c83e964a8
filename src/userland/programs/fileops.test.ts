// mkdir, rm and touch through the kernel's mkdir/rmdir/unlink/openat.
import { describe, expect, it } from "vitest";
import { runHeadless } from "../headless";

const run = (script: string) => {
  const r = runHeadless(script);
  return { out: r.stdout, err: r.stderr, status: r.status };
};

describe("mkdir", () => {
  it("makes directories, with -p their parents, with -m an exact mode", () => {
    expect(run("mkdir /tmp/a /tmp/b; mkdir -p /tmp/a/x/y; mkdir -p /tmp/a/x; ls -R /tmp/a")).toEqual({
      out: "/tmp/a:\nx\n\n/tmp/a/x:\ny\n\n/tmp/a/x/y:\n",
      err: "",
      status: 0,
    });
    const modes = run("mkdir -m 707 /tmp/m; mkdir -m u=rwx,go= /tmp/n; mkdir -m a+w /tmp/o; ls -ld /tmp/m /tmp/n /tmp/o").out;
    expect(modes.split("\n").map((l) => l.slice(0, 10))).toEqual(["drwx---rwx", "drwx------", "drwxrwxrwx", ""]);
  });

  it("says what stopped it, with the curly quotes of a UTF-8 locale", () => {
    expect(run("mkdir /tmp")).toEqual({ out: "", err: "mkdir: cannot create directory ‘/tmp’: File exists\n", status: 1 });
    expect(run("mkdir /nope/x").err).toBe("mkdir: cannot create directory ‘/nope/x’: No such file or directory\n");
    expect(run("touch /tmp/f; mkdir -p /tmp/f/x; mkdir -p /tmp/f").err).toBe(
      "mkdir: cannot create directory ‘/tmp/f/x’: Not a directory\nmkdir: cannot create directory ‘/tmp/f’: File exists\n",
    );
    expect(run("mkdir")).toEqual({ out: "", err: "mkdir: missing operand\nTry 'mkdir --help' for more information.\n", status: 1 });
    expect(run("mkdir -m bogus /tmp/q")).toEqual({ out: "", err: "mkdir: invalid mode ‘bogus’\n", status: 1 });
  });

  it("announces each directory with -v", () => {
    expect(run("mkdir -pv /tmp/p/q").out).toBe("mkdir: created directory '/tmp/p'\nmkdir: created directory '/tmp/p/q'\n");
  });
});

describe("rm", () => {
  it("removes files, trees with -r, empty directories with -d, and tells with -v", () => {
    const r = run("mkdir -p /tmp/t/a/b; touch /tmp/t/a/f /tmp/g; mkdir /tmp/e; rm -v /tmp/g; rm -d /tmp/e; rm -rv /tmp/t; ls /tmp");
    expect(r).toEqual({ out: "removed '/tmp/g'\nremoved directory '/tmp/t/a/b'\nremoved '/tmp/t/a/f'\nremoved directory '/tmp/t/a'\nremoved directory '/tmp/t'\n", err: "", status: 0 });
  });

  it("refuses directories without -r, and missing files without -f", () => {
    expect(run("rm /tmp")).toEqual({ out: "", err: "rm: cannot remove '/tmp': Is a directory\n", status: 1 });
    expect(run("rm -d /etc").err).toBe("rm: cannot remove '/etc': Directory not empty\n");
    expect(run("rm /nope; rm -f /nope; echo $?")).toEqual({ out: "0\n", err: "rm: cannot remove '/nope': No such file or directory\n", status: 0 });
    expect(run("rm")).toEqual({ out: "", err: "rm: missing operand\nTry 'rm --help' for more information.\n", status: 1 });
    expect(run("rm -f").status).toBe(0);
  });

  it("will not remove . or .., nor / recursively", () => {
    expect(run("cd /tmp; rm -rf .")).toEqual({ out: "", err: "rm: refusing to remove '.' or '..' directory: skipping '.'\n", status: 1 });
    expect(run("rm -rf /")).toEqual({
      out: "",
      err: "rm: it is dangerous to operate recursively on '/'\nrm: use --no-preserve-root to override this failsafe\n",
      status: 1,
    });
  });

  it("asks with -i and reads the answer from stdin", () => {
    const r = run("touch /tmp/y /tmp/n; printf 'y\\nn\\n' | rm -i /tmp/y /tmp/n; ls /tmp");
    expect(r).toEqual({ out: "n\n", err: "rm: remove regular empty file '/tmp/y'? rm: remove regular empty file '/tmp/n'? ", status: 0 });
  });
});

describe("touch", () => {
  it("creates missing files, leaves existing ones, and makes none with -c", () => {
    expect(run("echo keep > /tmp/k; touch /tmp/k /tmp/new; touch -c /tmp/none; cat /tmp/k; ls /tmp").out).toBe("keep\nk\nnew\n");
  });

  it("says it cannot touch in touch's words (transcript 10: touch /sys/kernel/foo)", () => {
    // The transcript's container mounts /sys read-only (EROFS); the host's sysfs refuses new files (EACCES).
    expect(run("touch /sys/kernel/foo")).toEqual({ out: "", err: "touch: cannot touch '/sys/kernel/foo': Permission denied\n", status: 1 });
    expect(run("touch /nope/x").err).toBe("touch: cannot touch '/nope/x': No such file or directory\n");
    expect(run("touch")).toEqual({ out: "", err: "touch: missing file operand\nTry 'touch --help' for more information.\n", status: 1 });
    expect(run("touch -t junk /tmp/x").err).toBe("touch: invalid date format ‘junk’\n");
  });

  it("touches a directory", () => {
    expect(run("touch /tmp; echo $?").out).toBe("0\n");
  });
});
