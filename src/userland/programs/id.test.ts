// id, whoami and groups run through the kernel as root of the Ubuntu host.
import { describe, expect, it } from "vitest";
import { runHeadless } from "../headless";

const run = (script: string) => {
  const r = runHeadless(script);
  return { out: r.stdout, err: r.stderr, status: r.status };
};

describe("id", () => {
  it("prints root's ids as the reference host does (transcript 01)", () => {
    expect(run("id")).toEqual({ out: "uid=0(root) gid=0(root) groups=0(root)\n", err: "", status: 0 });
  });

  it("prints one id, by number or by name, with -u -g -G -n", () => {
    expect(run("id -u; id -un; id -g; id -gn; id -G; id -Gn; id -u -n; id --user --name").out).toBe("0\nroot\n0\nroot\n0\nroot\nroot\nroot\n");
  });

  it("describes a named user from /etc/passwd and /etc/group", () => {
    expect(run("id ubuntu").out).toBe("uid=1000(ubuntu) gid=1000(ubuntu) groups=1000(ubuntu),4(adm),24(cdrom),27(sudo),100(users),988(libvirt)\n");
    expect(run("id -Gn ubuntu; id -u daemon; id -gn nobody").out).toBe("ubuntu adm cdrom sudo users libvirt\n1\nnogroup\n");
  });

  it("refuses option mixes and unknown users in coreutils' words", () => {
    expect(run("id -u -g")).toEqual({ out: "", err: 'id: cannot print "only" of more than one choice\n', status: 1 });
    expect(run("id -n")).toEqual({ out: "", err: "id: cannot print only names or real IDs in default format\n", status: 1 });
    expect(run("id nosuchuser")).toEqual({ out: "", err: "id: ‘nosuchuser’: no such user\n", status: 1 });
    expect(run("id -x")).toEqual({ out: "", err: "id: invalid option -- 'x'\nTry 'id --help' for more information.\n", status: 1 });
    expect(run("id -Z")).toEqual({ out: "", err: "id: --context (-Z) works only on an SELinux-enabled kernel\n", status: 1 });
  });

  it("prints its version as coreutils 9.4", () => {
    expect(run("id --version").out.split("\n")[0]).toBe("id (GNU coreutils) 9.4");
  });
});

describe("whoami and groups", () => {
  it("names the effective user, and refuses operands", () => {
    expect(run("whoami")).toEqual({ out: "root\n", err: "", status: 0 });
    expect(run("whoami root")).toEqual({ out: "", err: "whoami: extra operand ‘root’\nTry 'whoami --help' for more information.\n", status: 1 });
  });

  it("lists the process's groups, or each user's as `user : groups`", () => {
    expect(run("groups").out).toBe("root\n");
    const r = run("groups ubuntu nosuchuser root");
    expect(r).toEqual({ out: "ubuntu : ubuntu adm cdrom sudo users libvirt\nroot : root\n", err: "groups: ‘nosuchuser’: no such user\n", status: 1 });
  });
});
