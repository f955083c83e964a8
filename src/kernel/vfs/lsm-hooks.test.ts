import { describe, expect, it } from "vitest";
import { putTask } from "../state";
import { KernelHarness } from "../testing";

const mountTmpfs = { name: "mount" as const, source: "none", target: "/mnt", fstype: "tmpfs", flags: 0, data: null };

describe("AppArmor at the VFS hooks", () => {
  it("refuses mount under docker-default even with CAP_SYS_ADMIN, and logs the denial", () => {
    const k = new KernelHarness();
    const p = k.fork(k.shell);
    k.state = putTask(k.state, { ...k.task(p), lsm: { label: "docker-default" } });
    const serial = k.state.lsm.auditSerial;
    const out = k.call(p, mountTmpfs);
    expect(out.result).toEqual({ ok: false, error: "EACCES" });
    expect(out.trace.at(-1)).toMatchObject({ layer: "lsm", verdict: "deny" });
    const line = k.state.dmesg.last()?.text ?? "";
    expect(line).toMatch(new RegExp(`^audit: type=1400 audit\\(\\d+\\.\\d{3}:${serial + 1}\\): apparmor="DENIED" operation="mount"`));
    expect(line).toContain('profile="docker-default" name="/mnt/"');
    expect(k.state.lsm.auditSerial).toBe(serial + 1);
  });

  it("lets an unconfined root mount without any LSM check in the trace", () => {
    const k = new KernelHarness();
    const out = k.call(k.shell, mountTmpfs);
    expect(out.result.ok).toBe(true);
    expect(out.trace.some((c) => c.layer === "lsm")).toBe(false);
  });
});
