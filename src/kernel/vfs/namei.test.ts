import { describe, expect, it } from "vitest";
import { userCred } from "../cred/cred";
import { KernelHarness } from "../testing";
import { attempt, must, readFile } from "./fs-harness";

describe("path resolution (path_resolution(7))", () => {
  it("follows the merged-/usr symlinks and resolves . and .. inside the tree", () => {
    const k = new KernelHarness();
    expect(must(k, k.shell, { name: "readlink", path: "/bin" })).toBe("usr/bin");
    const ls = must<{ ino: number }>(k, k.shell, { name: "stat", path: "/bin/ls" });
    expect(must<{ ino: number }>(k, k.shell, { name: "stat", path: "/usr/./bin/../bin/ls" }).ino).toBe(ls.ino);
    expect(must<{ mode: number }>(k, k.shell, { name: "lstat", path: "/bin" }).mode.toString(8)).toBe("120777");
    expect(readFile(k, k.shell, "/etc/hostname")).toBe("host\n");
  });

  it("keeps .. at the root: /../../etc is /etc", () => {
    const k = new KernelHarness();
    expect(readFile(k, k.shell, "/../../etc/hostname")).toBe("host\n");
  });

  it("climbs from a mount's root to the directory it is mounted on", () => {
    const k = new KernelHarness();
    const devRoot = must<{ dev: { major: number; minor: number } }>(k, k.shell, { name: "stat", path: "/dev" });
    const up = must<{ dev: { major: number; minor: number }; ino: number }>(k, k.shell, { name: "stat", path: "/dev/.." });
    expect(devRoot.dev).toEqual({ major: 0, minor: 5 });
    expect(up.dev).toEqual({ major: 8, minor: 1 });
    expect(up.ino).toBe(2);
  });

  it("gives ENOENT, ENOTDIR, ENAMETOOLONG and ELOOP as Linux does", () => {
    const k = new KernelHarness();
    expect(attempt(k, k.shell, { name: "stat", path: "/etc/nope" }).errno).toBe("ENOENT");
    expect(attempt(k, k.shell, { name: "stat", path: "/etc/passwd/x" }).errno).toBe("ENOTDIR");
    expect(attempt(k, k.shell, { name: "stat", path: "/etc/passwd/" }).errno).toBe("ENOTDIR");
    expect(attempt(k, k.shell, { name: "stat", path: `/tmp/${"a".repeat(256)}` }).errno).toBe("ENAMETOOLONG");
    expect(attempt(k, k.shell, { name: "stat", path: `/${"a/".repeat(2048)}` }).errno).toBe("ENAMETOOLONG");
    expect(attempt(k, k.shell, { name: "stat", path: "" }).errno).toBe("ENOENT");
    must(k, k.shell, { name: "symlink", target: "loop2", linkpath: "/tmp/loop1" });
    must(k, k.shell, { name: "symlink", target: "loop1", linkpath: "/tmp/loop2" });
    const loop = attempt(k, k.shell, { name: "stat", path: "/tmp/loop1" });
    expect(loop.errno).toBe("ELOOP");
    expect(loop.trace.at(-1)?.reason).toBe("more than 40 symbolic links while resolving /tmp/loop1");
    expect(attempt(k, k.shell, { name: "lstat", path: "/tmp/loop1" }).errno).toBe("ok");
  });

  it("resolves relative paths from the working directory and symlinks from their directory", () => {
    const k = new KernelHarness();
    must(k, k.shell, { name: "chdir", path: "/etc/ssh" });
    expect(must(k, k.shell, { name: "getcwd" })).toBe("/etc/ssh");
    expect(readFile(k, k.shell, "../hostname")).toBe("host\n");
    must(k, k.shell, { name: "symlink", target: "../hostname", linkpath: "/etc/ssh/hn" });
    expect(readFile(k, k.shell, "hn")).toBe("host\n");
    expect(attempt(k, k.shell, { name: "chdir", path: "/etc/passwd" }).errno).toBe("ENOTDIR");
  });

  it("needs search permission on every directory on the way", () => {
    const k = new KernelHarness();
    k.setCred(k.shell, userCred(1000, 1000));
    const out = attempt(k, k.shell, { name: "stat", path: "/root/.ssh/authorized_keys" });
    expect(out.errno).toBe("EACCES");
    expect(out.trace.at(-1)).toEqual({
      layer: "dac", verdict: "deny", rule: "generic_permission", errno: "EACCES",
      reason: "/root/.ssh/authorized_keys (drwx------ 0:0) grants no search to other users (uid 1000)",
    });
  });

  it("keeps a chrooted process inside: absolute symlinks and .. stop at the new root", () => {
    const k = new KernelHarness();
    const child = k.fork(k.shell);
    must(k, child, { name: "mkdir", path: "/tmp/jail", mode: 0o755 });
    must(k, child, { name: "mkdir", path: "/tmp/jail/etc", mode: 0o755 });
    must(k, child, { name: "symlink", target: "/etc", linkpath: "/tmp/jail/abs" });
    must(k, child, { name: "chroot", path: "/tmp/jail" });
    must(k, child, { name: "chdir", path: "/" });
    expect(must(k, child, { name: "getcwd" })).toBe("/");
    expect(readFile(k, child, "/../../etc/hostname")).toBe("ENOENT");
    expect(readFile(k, child, "/abs/hostname")).toBe("ENOENT");
  });

  it("reports a working directory outside the root as unreachable (getcwd(3))", () => {
    const k = new KernelHarness();
    const child = k.fork(k.shell);
    must(k, child, { name: "mkdir", path: "/tmp/jail", mode: 0o755 });
    must(k, child, { name: "chroot", path: "/tmp/jail" });
    expect(must(k, child, { name: "getcwd" })).toBe("(unreachable)/");
    expect(readFile(k, child, "etc/hostname")).toBe("host\n");
  });
});
