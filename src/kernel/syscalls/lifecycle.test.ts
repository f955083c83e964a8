import { describe, expect, it } from "vitest";
import { CLONE_NEWPID, CLONE_NEWUTS, INIT_NS_INODE } from "../ns/namespace";
import { KernelHarness } from "../testing";
import { pidNrIn } from "../task/pid-alloc";
import { SIGCHLD, SIGKILL, SIGNALS, exitedStatus, signaledStatus } from "../task/signals";
import { userCred } from "../cred/cred";
import { putTask } from "../state";

describe("exit and wait4", () => {
  it("leaves a zombie until the parent reaps it, then frees its PID", () => {
    const k = new KernelHarness();
    const child = k.fork(k.shell);
    k.call(child, { name: "exit_group", code: 3 });
    expect(k.task(child).state).toBe("Z");
    expect(k.task(k.shell).signals.pending).toContain(SIGCHLD);
    const out = k.call(k.shell, { name: "wait4", pid: -1, options: 0 });
    expect(out.result).toEqual({ ok: true, value: { kind: "reaped", nr: child, status: exitedStatus(3) } });
    expect(k.state.tasks.has(child)).toBe(false);
    expect(k.state.pidNrs.get(k.task(k.shell).pidNs)?.has(child)).toBe(false);
  });

  it("blocks, or returns none with WNOHANG, while children run; ECHILD without children", () => {
    const k = new KernelHarness();
    const child = k.fork(k.shell);
    expect(k.call(k.shell, { name: "wait4", pid: -1, options: 0 }).result).toEqual({ ok: true, value: { kind: "blocked" } });
    expect(k.call(k.shell, { name: "wait4", pid: -1, options: 1 }).result).toEqual({ ok: true, value: { kind: "none" } });
    expect(k.call(child, { name: "wait4", pid: -1, options: 0 }).result).toEqual({ ok: false, error: "ECHILD" });
  });

  it("reparents orphans to the init of their PID namespace", () => {
    const k = new KernelHarness();
    const init = k.fork(k.shell, CLONE_NEWPID);
    const middle = k.fork(init);
    const grandchild = k.fork(middle);
    k.call(middle, { name: "exit_group", code: 0 });
    expect(k.task(grandchild).ppid).toBe(init);
    expect(pidNrIn(k.state, grandchild, k.task(init).pidNs)).toBe(3);
  });

  it("kills every process of a PID namespace when its init exits, and refuses new ones", () => {
    const k = new KernelHarness();
    const init = k.fork(k.shell, CLONE_NEWPID);
    const a = k.fork(init);
    const b = k.fork(a);
    k.call(init, { name: "exit_group", code: 0 });
    expect(k.state.tasks.has(a)).toBe(false);
    expect(k.state.tasks.has(b)).toBe(false);
    expect(k.task(init).state).toBe("Z");
    const ns = k.state.namespaces.get(k.task(init).pidNs);
    expect(ns).toMatchObject({ type: "pid", adding: false });
  });

  it("frees a namespace when its last holder is reaped", () => {
    const k = new KernelHarness();
    const child = k.fork(k.shell, CLONE_NEWUTS);
    const uts = k.task(child).ns.uts;
    expect(k.state.namespaces.get(uts)?.refs).toBe(1);
    k.call(child, { name: "exit_group", code: 0 });
    expect(k.state.namespaces.has(uts)).toBe(false);
    k.call(k.shell, { name: "wait4", pid: -1, options: 0 });
    expect(k.state.namespaces.get(k.task(k.shell).ns.uts)?.id).toBe(INIT_NS_INODE.uts);
  });
});

describe("kill", () => {
  it("terminates with the signal in the wait status (shell status 137 for SIGKILL)", () => {
    const k = new KernelHarness();
    const child = k.fork(k.shell);
    const out = k.call(k.shell, { name: "kill", pid: child, sig: SIGKILL });
    expect(out.result.ok).toBe(true);
    expect(k.task(child).exitStatus).toBe(signaledStatus(SIGKILL));
  });

  it("gives ESRCH for a PID the caller cannot see", () => {
    const k = new KernelHarness();
    const init = k.fork(k.shell, CLONE_NEWPID);
    const out = k.call(init, { name: "kill", pid: k.shell, sig: SIGNALS.SIGTERM });
    expect(out.result).toEqual({ ok: false, error: "ESRCH" });
  });

  it("lets the init of a PID namespace ignore SIGKILL from inside but not from the host", () => {
    const k = new KernelHarness();
    const init = k.fork(k.shell, CLONE_NEWPID);
    const inside = k.fork(init);
    const fromInside = k.call(inside, { name: "kill", pid: 1, sig: SIGKILL });
    expect(fromInside.trace.at(-1)?.reason).toBe("SIGKILL to 1 ignored: the init of a PID namespace ignores signals it has no handler for");
    expect(k.task(init).state).not.toBe("Z");
    const term = k.call(k.shell, { name: "kill", pid: init, sig: SIGNALS.SIGTERM });
    expect(term.trace.at(-1)?.reason).toContain("ignored: the init of a PID namespace");
    k.call(k.shell, { name: "kill", pid: init, sig: SIGKILL });
    expect(k.task(init).state).toBe("Z");
  });

  it("refuses another user's process without CAP_KILL", () => {
    const k = new KernelHarness();
    const mine = k.fork(k.shell);
    const theirs = k.fork(k.shell);
    k.state = putTask(k.state, { ...k.task(mine), cred: userCred(1000, 1000) });
    const out = k.call(mine, { name: "kill", pid: theirs, sig: SIGNALS.SIGTERM });
    expect(out.result).toEqual({ ok: false, error: "EPERM" });
    expect(out.trace.at(-1)?.reason).toBe("signalling another user's process needs CAP_KILL in the initial user namespace");
  });
});

describe("kill and AppArmor", () => {
  it("refuses a docker-default process signalling an unconfined host process, with an audit record", () => {
    const k = new KernelHarness();
    const host = k.fork(k.shell);
    const confined = k.fork(k.shell);
    k.state = putTask(k.state, { ...k.task(confined), lsm: { label: "docker-default" } });
    const out = k.call(confined, { name: "kill", pid: host, sig: SIGNALS.SIGTERM });
    expect(out.result).toEqual({ ok: false, error: "EACCES" });
    expect(out.trace.at(-1)).toMatchObject({ layer: "lsm", verdict: "deny" });
    const audit = k.state.dmesg.last()?.text ?? "";
    expect(audit).toMatch(/^audit: type=1400 audit\(\d+\.\d{3}:\d+\): apparmor="DENIED" operation="signal"/);
    expect(audit).toContain('profile="docker-default"');
    expect(k.task(host).state).not.toBe("Z");
  });

  it("lets two docker-default processes signal each other", () => {
    const k = new KernelHarness();
    const a = k.fork(k.shell);
    const b = k.fork(k.shell);
    for (const p of [a, b]) k.state = putTask(k.state, { ...k.task(p), lsm: { label: "docker-default" } });
    expect(k.call(a, { name: "kill", pid: b, sig: SIGNALS.SIGTERM }).result.ok).toBe(true);
    expect(k.task(b).state).toBe("Z");
  });
});
