import { describe, expect, it } from "vitest";
import { capHex } from "../caps/capabilities";
import { userCred } from "../cred/cred";
import { nsId } from "../ids";
import { CLONE_NEWIPC, CLONE_NEWNET, CLONE_NEWNS, CLONE_NEWPID, CLONE_NEWTIME, CLONE_NEWUSER, CLONE_NEWUTS, INIT_NS_INODE } from "../ns/namespace";
import { KernelHarness } from "../testing";

describe("unshare", () => {
  it("moves the caller into new namespaces but PID and time only for children", () => {
    const k = new KernelHarness();
    const sh = k.fork(k.shell);
    const before = k.task(sh);
    const out = k.call(sh, { name: "unshare", flags: CLONE_NEWUTS | CLONE_NEWPID | CLONE_NEWTIME });
    expect(out.result.ok).toBe(true);
    const after = k.task(sh);
    expect(after.ns.uts).not.toBe(before.ns.uts);
    expect(after.pidNs).toBe(before.pidNs);
    expect(after.ns.pidForChildren).not.toBe(before.ns.pidForChildren);
    expect(after.ns.time).toBe(before.ns.time);
    expect(after.ns.timeForChildren).not.toBe(before.ns.timeForChildren);
    const child = k.fork(sh);
    expect(k.task(child).nr.at(-1)).toBe(1);
    expect(k.task(child).ns.time).toBe(after.ns.timeForChildren);
  });

  it("refuses a second unshare(CLONE_NEWPID) before a child exists (EINVAL)", () => {
    const k = new KernelHarness();
    const sh = k.fork(k.shell);
    k.call(sh, { name: "unshare", flags: CLONE_NEWPID });
    expect(k.call(sh, { name: "unshare", flags: CLONE_NEWPID }).result).toEqual({ ok: false, error: "EINVAL" });
  });

  it("gives an unprivileged user every capability inside its new user namespace", () => {
    const k = new KernelHarness();
    const sh = k.fork(k.shell);
    k.setCred(sh, userCred(1000, 1000));
    expect(k.call(sh, { name: "unshare", flags: CLONE_NEWUTS }).result).toEqual({ ok: false, error: "EPERM" });
    const out = k.call(sh, { name: "unshare", flags: CLONE_NEWUSER | CLONE_NEWUTS | CLONE_NEWNS | CLONE_NEWNET | CLONE_NEWIPC });
    expect(out.result.ok).toBe(true);
    expect(capHex(k.task(sh).cred.caps.effective)).toBe("000001ffffffffff");
    expect(k.task(sh).cred.uid).toBe(1000);
    const userNs = k.state.namespaces.get(k.task(sh).cred.userNs);
    expect(userNs).toMatchObject({ type: "user", level: 1, ownerUid: 1000, uidMap: null });
    expect(k.state.namespaces.get(k.task(sh).ns.net)?.owner).toBe(userNs?.id);
  });

  it("needs the creator's uid mapped before nesting another user namespace", () => {
    const k = new KernelHarness();
    const sh = k.fork(k.shell);
    k.call(sh, { name: "unshare", flags: CLONE_NEWUSER });
    const out = k.call(sh, { name: "unshare", flags: CLONE_NEWUSER });
    expect(out.result).toEqual({ ok: false, error: "EPERM" });
    expect(out.trace[0]?.rule).toBe("create_user_ns: kuid_has_mapping()");
  });

  it("stops nesting user namespaces at 32 levels with ENOSPC", () => {
    const k = new KernelHarness();
    const sh = k.fork(k.shell);
    for (let i = 0; i < 32; i++) {
      expect(k.call(sh, { name: "unshare", flags: CLONE_NEWUSER }).result.ok).toBe(true);
      k.mapRoot(sh);
    }
    expect(k.call(sh, { name: "unshare", flags: CLONE_NEWUSER }).result).toEqual({ ok: false, error: "ENOSPC" });
  });
});

describe("setns", () => {
  it("joins a namespace with CAP_SYS_ADMIN, and is refused without it", () => {
    const k = new KernelHarness();
    const a = k.fork(k.shell, CLONE_NEWUTS);
    const target = k.task(a).ns.uts;
    const b = k.fork(k.shell);
    expect(k.call(b, { name: "setns", target, nstype: CLONE_NEWUTS }).result.ok).toBe(true);
    expect(k.task(b).ns.uts).toBe(target);
    const c = k.fork(k.shell);
    k.setCred(c, userCred(1000, 1000));
    const out = k.call(c, { name: "setns", target, nstype: 0 });
    expect(out.result).toEqual({ ok: false, error: "EPERM" });
    expect(out.trace[0]?.reason).toBe(`joining uts namespace ${target} needs CAP_SYS_ADMIN in the initial user namespace, which the caller does not have`);
  });

  it("checks the namespace type against nstype", () => {
    const k = new KernelHarness();
    const out = k.call(k.shell, { name: "setns", target: nsId(INIT_NS_INODE.net), nstype: CLONE_NEWUTS });
    expect(out.result).toEqual({ ok: false, error: "EINVAL" });
  });

  it("only joins a PID namespace at or below the caller's, for its children", () => {
    const k = new KernelHarness();
    const init = k.fork(k.shell, CLONE_NEWPID);
    const pidNs = k.task(init).pidNs;
    const sh = k.fork(k.shell);
    expect(k.call(sh, { name: "setns", target: pidNs, nstype: CLONE_NEWPID }).result.ok).toBe(true);
    expect(k.task(sh).pidNs).not.toBe(pidNs);
    const child = k.fork(sh);
    expect(k.task(child).pidNs).toBe(pidNs);
    expect(k.call(init, { name: "setns", target: nsId(INIT_NS_INODE.pid), nstype: CLONE_NEWPID }).result).toEqual({ ok: false, error: "EINVAL" });
  });
});
