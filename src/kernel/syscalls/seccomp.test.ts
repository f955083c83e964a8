import { describe, expect, it } from "vitest";
import { DOCKER_DEFAULT_CAPS, capsIn } from "../caps/capabilities";
import { CLONE_NEWNS, CLONE_NEWUSER } from "../ns/namespace";
import { compileSeccompProfile } from "../security/seccomp/compile";
import { DOCKER_DEFAULT_SECCOMP } from "../security/seccomp/docker-default";
import { KernelHarness } from "../testing";

const dockerFilter = (caps = capsIn(DOCKER_DEFAULT_CAPS)) =>
  compileSeccompProfile(DOCKER_DEFAULT_SECCOMP, { caps, kernelRelease: "6.18.0-9-generic", arch: "amd64" });

function confined(): { k: KernelHarness; p: ReturnType<KernelHarness["fork"]> } {
  const k = new KernelHarness();
  const p = k.fork(k.shell);
  const out = k.call(p, { name: "seccomp", op: "SECCOMP_SET_MODE_FILTER", filter: dockerFilter() });
  if (!out.result.ok) throw new Error("seccomp install failed");
  return { k, p };
}

describe("seccomp at syscall entry", () => {
  it("blocks unshare before any capability check, naming the profile rule", () => {
    const { k, p } = confined();
    const out = k.call(p, { name: "unshare", flags: CLONE_NEWUSER });
    expect(out.result).toEqual({ ok: false, error: "EPERM" });
    expect(out.trace).toHaveLength(1);
    expect(out.trace[0]).toMatchObject({ layer: "seccomp", verdict: "deny", rule: "seccomp: unshare" });
  });

  it("lets a plain fork through but refuses clone with namespace flags (the clone mask rule)", () => {
    const { k, p } = confined();
    const fork = k.call(p, { name: "clone", flags: 0 });
    expect(fork.result.ok).toBe(true);
    expect(fork.trace[0]).toMatchObject({ layer: "seccomp", verdict: "pass" });
    expect(k.call(p, { name: "clone", flags: CLONE_NEWNS }).result).toEqual({ ok: false, error: "EPERM" });
  });

  it("is inherited by children", () => {
    const { k, p } = confined();
    const child = k.fork(p);
    expect(k.task(child).seccomp).toEqual(k.task(p).seccomp);
    expect(k.call(child, { name: "unshare", flags: CLONE_NEWNS }).result).toEqual({ ok: false, error: "EPERM" });
  });

  it("needs no_new_privs or CAP_SYS_ADMIN to install a filter (EACCES)", () => {
    const k = new KernelHarness();
    const p = k.fork(k.shell);
    k.call(p, { name: "setresuid", ids: [1000, 1000, 1000] });
    expect(k.call(p, { name: "seccomp", op: "SECCOMP_SET_MODE_FILTER", filter: dockerFilter() }).result).toEqual({ ok: false, error: "EACCES" });
    k.call(p, { name: "prctl", option: "PR_SET_NO_NEW_PRIVS" });
    expect(k.call(p, { name: "seccomp", op: "SECCOMP_SET_MODE_FILTER", filter: dockerFilter() }).result.ok).toBe(true);
  });
});
