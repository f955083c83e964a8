import type { Pid } from "../ids";
import { describe, expect, it } from "vitest";
import { userCred } from "../cred/cred";
import { CLONE_NEWNS, CLONE_NEWUSER } from "../ns/namespace";
import { writeGidMap, writeUidMap } from "../procfs/id-map-write";
import { mapRootUser, mustWrite, spawn } from "../procfs/testing";
import { KernelHarness } from "../testing";
import { attempt, must, readFile, writeFile } from "./fs-harness";
import { S_IFCHR } from "./mode";

/** `docker run --userns-remap=default`: root in the container is host uid 100000. */
function remappedRoot(k: KernelHarness): Pid {
  const child = spawn(k, k.shell, ["sh"], CLONE_NEWUSER | CLONE_NEWNS);
  mustWrite(k, writeUidMap(k.state, k.task(k.shell), k.task(child), "0 100000 65536\n"));
  mustWrite(k, writeGidMap(k.state, k.task(k.shell), k.task(child), "0 100000 65536\n"));
  must(k, child, { name: "setresuid", ids: [0, 0, 0] });
  must(k, child, { name: "setresgid", ids: [0, 0, 0] });
  return child;
}

describe("DAC (generic_permission) and capabilities", () => {
  it("lets root read /etc/shadow and refuses uid 1000, naming the mode bits", () => {
    const k = new KernelHarness();
    expect(readFile(k, k.shell, "/etc/shadow")).toMatch(/^root:\*:20228:0:99999:7:::\n/);
    const user = k.fork(k.shell);
    k.setCred(user, userCred(1000, 1000));
    const out = attempt(k, user, { name: "openat", path: "/etc/shadow", flags: 0 });
    expect(out.errno).toBe("EACCES");
    expect(out.trace.at(-1)?.reason).toBe("/etc/shadow (-rw-r----- 0:42) grants no read to other users (uid 1000)");
  });

  it("counts CAP_DAC_OVERRIDE for a user namespace's root only when the file's owner is mapped", () => {
    const k = new KernelHarness();
    // unshare --user --map-root-user run by real root maps 0 to 0: the host's root files count.
    const mapped = mapRootUser(k, k.shell, ["sh"]);
    expect(readFile(k, mapped, "/etc/shadow")).toMatch(/^root:/);
    const remapped = remappedRoot(k);
    const out = attempt(k, remapped, { name: "openat", path: "/etc/shadow", flags: 0 });
    expect(out.errno).toBe("EACCES");
    expect(out.trace.at(-1)?.reason).toBe(
      "/etc/shadow (-rw-r----- 0:42) grants no read to other users (uid 100000); CAP_DAC_OVERRIDE does not count because owner 0:42 is not mapped in user namespace " +
      `${k.task(remapped).cred.userNs} (level 1)`,
    );
    expect(writeFile(k, remapped, "/etc/passwd", "x")).toBe("EACCES");
    expect(readFile(k, remapped, "/etc/hostname")).toBe("host\n");
  });

  it("shows unmapped owners as 65534 (nobody) inside a user namespace", () => {
    const k = new KernelHarness();
    const remapped = remappedRoot(k);
    const st = must<{ uid: number; gid: number }>(k, remapped, { name: "stat", path: "/etc/passwd" });
    expect([st.uid, st.gid]).toEqual([65534, 65534]);
    const host = must<{ uid: number; gid: number }>(k, k.shell, { name: "stat", path: "/home/ubuntu" });
    expect([host.uid, host.gid]).toEqual([1000, 1000]);
  });

  it("protects other users' files in a sticky directory (EPERM), unless CAP_FOWNER", () => {
    const k = new KernelHarness();
    const alice = k.fork(k.shell);
    const bob = k.fork(k.shell);
    k.setCred(alice, userCred(1000, 1000));
    k.setCred(bob, userCred(1001, 1001));
    must(k, k.shell, { name: "mkdir", path: "/tmp/shared", mode: 0o777 });
    must(k, k.shell, { name: "chmod", path: "/tmp/shared", mode: 0o1777 });
    must(k, k.shell, { name: "chown", path: "/tmp/shared", uid: 1002, gid: 1002 });
    expect(writeFile(k, alice, "/tmp/shared/a.txt", "hi\n")).toBe("ok");
    expect(must<{ mode: number; uid: number }>(k, alice, { name: "stat", path: "/tmp/shared/a.txt" })).toMatchObject({ mode: 0o100644, uid: 1000 });
    const out = attempt(k, bob, { name: "unlink", path: "/tmp/shared/a.txt" });
    expect(out.errno).toBe("EPERM");
    expect(out.trace.at(-1)?.reason).toBe("/tmp/shared is sticky (drwxrwxrwt): only the owner of /tmp/shared/a.txt (uid 1000) or of the directory may remove it");
    const root = attempt(k, k.shell, { name: "unlink", path: "/tmp/shared/a.txt" });
    expect(root.trace.map((c) => c.rule)).toEqual(["generic_permission", "capable_wrt_inode_uidgid(CAP_FOWNER)", "vfs_unlink"]);
  });

  it("lets only the owner or CAP_FOWNER chmod, and only CAP_CHOWN give a file away", () => {
    const k = new KernelHarness();
    const alice = k.fork(k.shell);
    k.setCred(alice, userCred(1000, 1000));
    expect(attempt(k, alice, { name: "chmod", path: "/etc/passwd", mode: 0o666 }).errno).toBe("EPERM");
    expect(writeFile(k, alice, "/tmp/mine", "")).toBe("ok");
    expect(attempt(k, alice, { name: "chmod", path: "/tmp/mine", mode: 0o600 }).errno).toBe("ok");
    expect(attempt(k, alice, { name: "chown", path: "/tmp/mine", uid: 0, gid: -1 }).errno).toBe("EPERM");
    must(k, k.shell, { name: "chmod", path: "/tmp/mine", mode: 0o4755 });
    must(k, k.shell, { name: "chown", path: "/tmp/mine", uid: 0, gid: 0 });
    expect(must<{ mode: number; uid: number }>(k, k.shell, { name: "stat", path: "/tmp/mine" })).toMatchObject({ mode: 0o100755, uid: 0 });
  });

  it("lets root make device nodes, but not root of a user namespace (capable(CAP_MKNOD))", () => {
    const k = new KernelHarness();
    expect(attempt(k, k.shell, { name: "mknod", path: "/tmp/sda", mode: 0o060660, dev: { major: 8, minor: 0 } }).errno).toBe("ok");
    const userns = mapRootUser(k, k.shell, ["sh"]);
    const out = attempt(k, userns, { name: "mknod", path: "/tmp/null2", mode: S_IFCHR | 0o666, dev: { major: 1, minor: 3 } });
    expect(out.errno).toBe("EPERM");
    expect(out.trace.at(-1)?.reason).toBe("creating a device node needs CAP_MKNOD in the initial user namespace, which the caller does not have");
    expect(attempt(k, userns, { name: "mknod", path: "/tmp/wh", mode: S_IFCHR, dev: { major: 0, minor: 0 } }).errno).toBe("ok");
    expect(attempt(k, k.shell, { name: "openat", path: "/tmp/wh", flags: 0 }).errno).toBe("ENXIO");
  });

  it("reads /proc/sys as root only when root is the initial namespace's uid 0", () => {
    const k = new KernelHarness();
    expect(readFile(k, k.shell, "/proc/sys/kernel/hostname")).toBe("host\n");
    const remapped = remappedRoot(k);
    const out = attempt(k, remapped, { name: "openat", path: "/proc/sys/kernel/hostname", flags: 1 });
    expect(out.errno).toBe("EACCES");
    expect(out.trace.at(-1)?.rule).toBe("sysctl_perm: test_perm");
  });
});
