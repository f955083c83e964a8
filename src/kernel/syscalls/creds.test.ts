import { describe, expect, it } from "vitest";
import { ALL_CAPS, EMPTY_CAPS, capHex, capSetOf } from "../caps/capabilities";
import { userCred } from "../cred/cred";
import { KernelHarness } from "../testing";

describe("setresuid and capabilities", () => {
  it("drops every capability when root switches all uids away from 0", () => {
    const k = new KernelHarness();
    const p = k.fork(k.shell);
    expect(k.call(p, { name: "setresuid", ids: [1000, 1000, 1000] }).result.ok).toBe(true);
    expect(k.task(p).cred.caps.permitted).toBe(EMPTY_CAPS);
    expect(k.task(p).cred.caps.bounding).toBe(ALL_CAPS);
    expect(k.call(p, { name: "setresuid", ids: [0, 0, 0] }).result).toEqual({ ok: false, error: "EPERM" });
  });

  it("keeps permitted but clears effective when only the euid leaves 0, and restores it on return", () => {
    const k = new KernelHarness();
    const p = k.fork(k.shell);
    k.call(p, { name: "setresuid", ids: [-1, 1000, -1] });
    expect(k.task(p).cred.caps.effective).toBe(EMPTY_CAPS);
    expect(k.task(p).cred.caps.permitted).toBe(ALL_CAPS);
    expect(k.call(p, { name: "setresuid", ids: [-1, 0, -1] }).result.ok).toBe(true);
    expect(k.task(p).cred.caps.effective).toBe(ALL_CAPS);
  });

  it("reports ids as the caller's user namespace sees them (65534 when unmapped)", () => {
    const k = new KernelHarness();
    const p = k.fork(k.shell);
    k.setCred(p, userCred(1000, 1000));
    k.call(p, { name: "unshare", flags: 0x10000000 });
    expect(k.call(p, { name: "getresuid" }).result).toEqual({ ok: true, value: [65534, 65534, 65534] });
  });
});

describe("capset and prctl", () => {
  it("lets permitted shrink but never grow", () => {
    const k = new KernelHarness();
    const p = k.fork(k.shell);
    const small = capSetOf(["CAP_CHOWN", "CAP_KILL"]);
    expect(k.call(p, { name: "capset", effective: small, permitted: small, inheritable: EMPTY_CAPS }).result.ok).toBe(true);
    const out = k.call(p, { name: "capset", effective: ALL_CAPS, permitted: ALL_CAPS, inheritable: EMPTY_CAPS });
    expect(out.result).toEqual({ ok: false, error: "EPERM" });
    expect(out.trace[0]?.reason).toMatch(/^permitted may only shrink \(would add cap_|CAP_DAC_OVERRIDE/);
  });

  it("drops from the bounding set with CAP_SETPCAP, and sets no_new_privs for good", () => {
    const k = new KernelHarness();
    const p = k.fork(k.shell);
    k.call(p, { name: "prctl", option: "PR_CAPBSET_DROP", cap: "CAP_SYS_ADMIN" });
    expect(capHex(k.task(p).cred.caps.bounding)).toBe("000001ffffdfffff");
    k.call(p, { name: "prctl", option: "PR_SET_NO_NEW_PRIVS" });
    expect(k.task(p).noNewPrivs).toBe(true);
    const user = k.fork(k.shell);
    k.setCred(user, userCred(1000, 1000));
    expect(k.call(user, { name: "prctl", option: "PR_CAPBSET_DROP", cap: "CAP_CHOWN" }).result).toEqual({ ok: false, error: "EPERM" });
  });

  it("raises an ambient capability only if it is permitted and inheritable", () => {
    const k = new KernelHarness();
    const p = k.fork(k.shell);
    expect(k.call(p, { name: "prctl", option: "PR_CAP_AMBIENT_RAISE", cap: "CAP_NET_RAW" }).result).toEqual({ ok: false, error: "EPERM" });
    const raw = capSetOf(["CAP_NET_RAW"]);
    k.call(p, { name: "capset", effective: ALL_CAPS, permitted: ALL_CAPS, inheritable: raw });
    expect(k.call(p, { name: "prctl", option: "PR_CAP_AMBIENT_RAISE", cap: "CAP_NET_RAW" }).result.ok).toBe(true);
    expect(k.task(p).cred.caps.ambient).toBe(raw);
  });
});

describe("sessions and process groups", () => {
  it("lets a child start its own session, and refuses a group leader", () => {
    const k = new KernelHarness();
    const child = k.fork(k.shell);
    expect(k.call(child, { name: "setsid" }).result).toEqual({ ok: true, value: child });
    expect(k.task(child)).toMatchObject({ sid: child, pgid: child });
    expect(k.call(child, { name: "setsid" }).result).toEqual({ ok: false, error: "EPERM" });
  });

  it("moves a child into its own process group (a shell's job)", () => {
    const k = new KernelHarness();
    const job = k.fork(k.shell);
    expect(k.call(k.shell, { name: "setpgid", pid: job, pgid: 0 }).result.ok).toBe(true);
    expect(k.task(job).pgid).toBe(job);
    const stranger = k.fork(job);
    expect(k.call(k.shell, { name: "setpgid", pid: stranger, pgid: 0 }).result).toEqual({ ok: false, error: "ESRCH" });
  });
});
