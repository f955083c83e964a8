import { describe, expect, it } from "vitest";
import { userCred } from "../cred/cred";
import { KernelHarness } from "../testing";

const exec = (path: string) => ({ name: "execve" as const, path, argv: [path], envp: ["PATH=/usr/bin"] });

describe("execve", () => {
  it("runs the program the file holds, renaming the task", () => {
    const k = new KernelHarness();
    const p = k.fork(k.shell);
    const out = k.call(p, exec("/usr/bin/id"));
    expect(out.result).toEqual({ ok: true, value: { program: { kind: "program", name: "id" } } });
    expect(k.task(p)).toMatchObject({ comm: "id", argv: ["/usr/bin/id"], exe: "/usr/bin/id" });
  });

  it("fails with ENOENT, and with EACCES for a file without execute permission", () => {
    const k = new KernelHarness();
    const p = k.fork(k.shell);
    expect(k.call(p, exec("/usr/bin/nope")).result).toEqual({ ok: false, error: "ENOENT" });
    expect(k.call(p, exec("/etc/passwd")).result).toEqual({ ok: false, error: "EACCES" });
    expect(k.task(p).comm).toBe("bash");
  });

  it("raises the euid through a setuid-root binary, but not under no_new_privs", () => {
    const k = new KernelHarness();
    const a = k.fork(k.shell);
    k.setCred(a, userCred(1000, 1000));
    k.call(a, exec("/usr/bin/su"));
    expect(k.task(a).cred).toMatchObject({ uid: 1000, euid: 0 });
    const b = k.fork(k.shell);
    k.setCred(b, userCred(1000, 1000));
    k.call(b, { name: "prctl", option: "PR_SET_NO_NEW_PRIVS" });
    const out = k.call(b, exec("/usr/bin/su"));
    expect(k.task(b).cred).toMatchObject({ uid: 1000, euid: 1000 });
    expect(out.trace.some((c) => c.reason === "the setuid/setgid bits are ignored: no_new_privs is set")).toBe(true);
  });

  it("enters the time namespace made by unshare(CLONE_NEWTIME) at exec", () => {
    const k = new KernelHarness();
    const p = k.fork(k.shell);
    k.call(p, { name: "unshare", flags: 0x80 });
    const before = k.task(p).ns;
    expect(before.time).not.toBe(before.timeForChildren);
    k.call(p, exec("/usr/bin/id"));
    expect(k.task(p).ns.time).toBe(before.timeForChildren);
  });
});
