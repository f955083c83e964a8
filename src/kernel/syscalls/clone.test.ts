import { describe, expect, it } from "vitest";
import { UBUNTU_HOST } from "../boot/ubuntu-host";
import { bootKernel } from "../boot/boot";
import { CLONE_NEWNS, CLONE_NEWPID, CLONE_NEWUSER, CLONE_NEWUTS } from "../ns/namespace";
import { getTask } from "../state";
import { userCred } from "../cred/cred";
import { putTask } from "../state";
import { sysClone } from "./clone";
import { pidNrIn } from "../task/pid-alloc";

const host = () => bootKernel(UBUNTU_HOST);
const shellOf = (state: ReturnType<typeof host>) =>
  [...state.tasks.values()].find((t) => t.comm === "bash")!;

describe("clone", () => {
  it("forks a child that shares every namespace and gets the next PID", () => {
    const state = host();
    const shell = shellOf(state);
    const out = sysClone(state, shell, { name: "clone", flags: 0 });
    expect(out.result.ok).toBe(true);
    if (!out.result.ok) return;
    const child = getTask(out.state, out.result.value.child);
    expect(child.ppid).toBe(shell.pid);
    expect(child.ns).toEqual(shell.ns);
    expect(out.result.value.nr).toBe(child.pid);
  });

  it("puts a CLONE_NEWPID child at PID 1 of a new namespace, with a host PID too", () => {
    const state = host();
    const shell = shellOf(state);
    const out = sysClone(state, shell, { name: "clone", flags: CLONE_NEWPID });
    if (!out.result.ok) throw new Error("clone failed");
    const child = getTask(out.state, out.result.value.child);
    expect(child.nr).toHaveLength(2);
    expect(child.nr[1]).toBe(1);
    expect(pidNrIn(out.state, child.pid, child.pidNs)).toBe(1);
    expect(out.trace.map((c) => `${c.layer}:${c.verdict}:${c.rule}`)).toEqual([
      "capability:pass:ns_capable(CAP_SYS_ADMIN)",
      "namespace:pass:new pid namespace",
      "kernel:pass:copy_process",
    ]);
  });

  it("refuses CLONE_NEWUTS to an unprivileged user with EPERM, naming the capability", () => {
    const state = host();
    const shell = { ...shellOf(state), cred: userCred(1000, 1000) };
    const given = putTask(state, shell);
    const out = sysClone(given, shell, { name: "clone", flags: CLONE_NEWUTS });
    expect(out.result).toEqual({ ok: false, error: "EPERM" });
    expect(out.trace.at(-1)).toMatchObject({
      layer: "capability", verdict: "deny", rule: "ns_capable(CAP_SYS_ADMIN)",
      reason: "creating a uts namespace needs CAP_SYS_ADMIN in the initial user namespace, which the caller does not have",
    });
    expect(out.state).toBe(given);
  });

  it("lets an unprivileged user create a user namespace and, inside it, a mount namespace", () => {
    const state = host();
    const shell = { ...shellOf(state), cred: userCred(1000, 1000) };
    const out = sysClone(putTask(state, shell), shell, { name: "clone", flags: CLONE_NEWUSER | CLONE_NEWNS });
    if (!out.result.ok) throw new Error(`clone failed: ${out.result.error}`);
    const child = getTask(out.state, out.result.value.child);
    expect(child.cred.userNs).not.toBe(shell.cred.userNs);
    expect(child.ns.mnt).not.toBe(shell.ns.mnt);
    expect(out.state.namespaces.get(child.ns.mnt)?.owner).toBe(child.cred.userNs);
  });

  it("fails with ENOMEM once the namespace's init has exited", () => {
    const state = host();
    const shell = shellOf(state);
    const out = sysClone(state, shell, { name: "clone", flags: CLONE_NEWPID });
    if (!out.result.ok) throw new Error("clone failed");
    const init = getTask(out.state, out.result.value.child);
    const ns = out.state.namespaces.get(init.pidNs)!;
    const dead = { ...out.state, namespaces: out.state.namespaces.set(ns.id, { ...ns, adding: false } as typeof ns) };
    const again = sysClone(dead, init, { name: "clone", flags: 0 });
    expect(again.result).toEqual({ ok: false, error: "ENOMEM" });
  });
});
