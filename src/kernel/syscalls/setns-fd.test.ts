import { describe, expect, it } from "vitest";
import { CLONE_NEWUTS } from "../ns/namespace";
import { KernelHarness } from "../testing";

describe("setns(2) with a descriptor", () => {
  it("joins the namespace an open /proc/PID/ns file refers to", () => {
    const h = new KernelHarness();
    const other = h.fork(h.shell, CLONE_NEWUTS);
    const joiner = h.fork(h.shell);
    const opened = h.call(joiner, { name: "openat", path: `/proc/${other}/ns/uts`, flags: 0 });
    if (!opened.result.ok) throw new Error(opened.result.error);
    const fd = (opened.result.value as { fd: number }).fd;
    expect(h.call(joiner, { name: "setns", fd, nstype: CLONE_NEWUTS }).result.ok).toBe(true);
    expect(h.task(joiner).ns.uts).toBe(h.task(other).ns.uts);
  });

  it("refuses a descriptor that is not open (EBADF) or not a namespace (EINVAL)", () => {
    const h = new KernelHarness();
    expect(h.call(h.shell, { name: "setns", fd: 77, nstype: 0 }).result).toEqual({ ok: false, error: "EBADF" });
    const opened = h.call(h.shell, { name: "openat", path: "/etc/hostname", flags: 0 });
    const fd = (opened.result as { ok: true; value: { fd: number } }).value.fd;
    expect(h.call(h.shell, { name: "setns", fd, nstype: 0 }).result).toEqual({ ok: false, error: "EINVAL" });
  });
});
