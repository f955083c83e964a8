// The programs as an unprivileged user: runHeadless with a user, whose shell drops to uid/gid
// 1000 (ubuntu) with setgroups/setresgid/setresuid before it execs bash.
import { describe, expect, it } from "vitest";
import { runHeadless } from "../headless";

const UBUNTU = { name: "ubuntu", uid: 1000, gid: 1000, groups: [1000, 4, 27], home: "/home/ubuntu" };

/** `bash -c script` as ubuntu; stdout, stderr and the status. */
function runAsUser(script: string): { out: string; err: string; status: number } {
  const r = runHeadless(script, { user: UBUNTU });
  return { out: r.stdout, err: r.stderr, status: r.status };
}

describe("as an unprivileged user", () => {
  it("id, whoami and groups name the dropped credentials", () => {
    expect(runAsUser("id; whoami; groups; id -G")).toEqual({
      out: "uid=1000(ubuntu) gid=1000(ubuntu) groups=1000(ubuntu),4(adm),27(sudo)\nubuntu\nubuntu adm sudo\n1000 4 27\n",
      err: "",
      status: 0,
    });
  });

  it("hostname cannot rename the host (transcript 10: hostname foo)", () => {
    expect(runAsUser("hostname foo; echo $?; hostname")).toEqual({ out: "1\nhost\n", err: "hostname: you must be root to change the host name\n", status: 0 });
  });

  it("ls cannot open a directory it may not read, and exits 2", () => {
    expect(runAsUser("ls /root")).toEqual({ out: "", err: "ls: cannot open directory '/root': Permission denied\n", status: 2 });
    expect(runAsUser("ls /root /boot").out).toBe("/boot:\ninitrd.img\ninitrd.img-6.18.0-9-generic\nvmlinuz\nvmlinuz-6.18.0-9-generic\n");
  });

  it("touch, mkdir and rm are refused where the user may not write", () => {
    const r = runAsUser("touch /etc/x; mkdir /etc/d; rm /etc/hostname; rm -f /etc/hostname; touch mine; ls");
    expect(r.err).toBe(
      "touch: cannot touch '/etc/x': Permission denied\n" +
        "mkdir: cannot create directory ‘/etc/d’: Permission denied\n" +
        "rm: cannot remove '/etc/hostname': Permission denied\n" +
        "rm: cannot remove '/etc/hostname': Permission denied\n",
    );
    expect(r.out).toBe("mine\n");
  });
});
