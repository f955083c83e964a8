// env: the environment as execve(2) passed it, and commands run through execvp's PATH search.
import { describe, expect, it } from "vitest";
import { runHeadless } from "../headless";

const run = (script: string) => {
  const r = runHeadless(script);
  return { out: r.stdout, err: r.stderr, status: r.status };
};

describe("env", () => {
  it("prints the environment it was given", () => {
    const out = run("env").out;
    expect(out).toContain("HOME=/root\n");
    expect(out).toContain("PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\n");
    expect(run("env -i A=1 B=2; env -i - C=3").out).toBe("A=1\nB=2\nC=3\n");
  });

  it("runs a command with assignments and unset names, finding it on PATH", () => {
    expect(run("env -i Y=2 /usr/bin/env; env -u HOME -i Z=3 env; env -i PATH=/bin sh -c 'echo $PATH'").out).toBe("Y=2\nZ=3\n/bin\n");
    expect(run("env -i ls /boot | head -1").out).toBe("initrd.img\n");
  });

  it("exits 127 for a command it cannot find and 126 for one it cannot run", () => {
    expect(run("env nosuchcmd")).toEqual({ out: "", err: "env: ‘nosuchcmd’: No such file or directory\n", status: 127 });
    expect(run("env /etc/passwd")).toEqual({ out: "", err: "env: ‘/etc/passwd’: Permission denied\n", status: 126 });
    expect(run("env -u A=B true")).toEqual({ out: "", err: "env: cannot unset ‘A=B’: Invalid argument\n", status: 125 });
    expect(run("env -q")).toEqual({ out: "", err: "env: invalid option -- 'q'\nTry 'env --help' for more information.\n", status: 125 });
  });

  it("changes directory with -C and splits -S strings", () => {
    expect(run("env -C /boot ls | head -1; env -S 'echo a  b'").out).toBe("initrd.img\na b\n");
  });
});
