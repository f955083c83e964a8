/**
 * sethostname(2), setdomainname(2) and uname(2), against 02_unshare (`unshare --uts sh -c
 * "hostname x; hostname"; hostname` → x, then the host's name) and 05_container_like_userns
 * (`hostname c0ffee` works with --uts inside a user namespace; without --uts it fails).
 */
import { describe, expect, it } from "vitest";
import { DOCKER_DEFAULT_CAPS, EMPTY_CAPS } from "../caps/capabilities";
import { userCred } from "../cred/cred";
import { CLONE_NEWUSER, CLONE_NEWUTS } from "../ns/namespace";
import { KernelHarness } from "../testing";
import type { Utsname } from "./uname";

const nodename = (h: KernelHarness, pid: number) => {
  const out = h.call(pid as never, { name: "uname" });
  return (out.result.ok ? (out.result.value as Utsname) : undefined)?.nodename;
};

describe("sethostname", () => {
  it("renames only the caller's UTS namespace", () => {
    const h = new KernelHarness();
    const sh = h.fork(h.shell, CLONE_NEWUTS);
    expect(h.call(sh, { name: "sethostname", hostname: "x" }).result).toEqual({ ok: true, value: 0 });
    expect([nodename(h, sh), nodename(h, h.shell)]).toEqual(["x", "host"]);
  });

  it("needs CAP_SYS_ADMIN in the user namespace that owns the UTS namespace", () => {
    const h = new KernelHarness();
    const rootless = h.fork(h.shell, CLONE_NEWUSER | CLONE_NEWUTS);
    expect(h.call(rootless, { name: "sethostname", hostname: "c0ffee" }).result.ok).toBe(true);
    const noUts = h.fork(h.shell, CLONE_NEWUSER);
    const out = h.call(noUts, { name: "sethostname", hostname: "foo" });
    expect(out.result).toEqual({ ok: false, error: "EPERM" });
    expect(out.trace.at(-1)?.reason).toBe(
      `sethostname() on UTS namespace 4026531838 needs CAP_SYS_ADMIN in the initial user namespace, which the caller does not have`,
    );
    expect(nodename(h, h.shell)).toBe("host");
  });

  it("refuses a container without CAP_SYS_ADMIN, and names longer than 64 bytes", () => {
    const h = new KernelHarness();
    const ctr = h.fork(h.shell, CLONE_NEWUTS);
    const caps = { inheritable: EMPTY_CAPS, permitted: DOCKER_DEFAULT_CAPS, effective: DOCKER_DEFAULT_CAPS, bounding: DOCKER_DEFAULT_CAPS, ambient: EMPTY_CAPS };
    h.setCred(ctr, { ...h.task(ctr).cred, caps });
    expect(h.call(ctr, { name: "sethostname", hostname: "x" }).result).toEqual({ ok: false, error: "EPERM" });
    expect(h.call(h.shell, { name: "sethostname", hostname: "a".repeat(65) }).result).toEqual({ ok: false, error: "EINVAL" });
    expect(h.call(h.shell, { name: "sethostname", hostname: "é".repeat(33) }).result).toEqual({ ok: false, error: "EINVAL" });
    expect(h.call(h.shell, { name: "sethostname", hostname: "a".repeat(64) }).result.ok).toBe(true);
    h.setCred(h.shell, userCred(1000, 1000));
    expect(h.call(h.shell, { name: "setdomainname", domainname: "lab" }).result).toEqual({ ok: false, error: "EPERM" });
  });
});

describe("uname", () => {
  it("reports the host kernel in every UTS namespace, with that namespace's names", () => {
    const h = new KernelHarness();
    const sh = h.fork(h.shell, CLONE_NEWUTS);
    h.call(sh, { name: "setdomainname", domainname: "lab.example" });
    expect(h.call(sh, { name: "uname" }).result).toEqual({
      ok: true,
      value: {
        sysname: "Linux", nodename: "host", release: "6.18.0-9-generic",
        version: "#9-Ubuntu SMP PREEMPT_DYNAMIC Mon Nov  3 10:12:41 UTC 2025", machine: "x86_64", domainname: "lab.example",
      },
    });
  });
});
