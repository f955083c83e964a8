/**
 * timens_offsets and /proc/uptime in a time namespace (02_unshare:
 * `unshare --time --fork --boottime 86400000 --monotonic 1000 sh -c "cat /proc/uptime; …"`).
 */
import { describe, expect, it } from "vitest";
import { userCred } from "../cred/cred";
import { CLONE_NEWTIME } from "../ns/namespace";
import { KernelHarness } from "../testing";
import { renderTimensOffsets, writeTimensOffsets } from "./timens";
import { renderUptime } from "./uptime";
import { procView } from "./view";

const ZERO = "monotonic           0         0\nboottime            0         0\n";
/** What util-linux unshare writes for `--monotonic 1000 --boottime 86400000`. */
const UNSHARE_WRITE = "1 1000 0\n7 86400000 0";

function unshareTime(h: KernelHarness) {
  const out = h.call(h.shell, { name: "unshare", flags: CLONE_NEWTIME });
  if (!out.result.ok) throw new Error("unshare failed");
  return h.task(h.shell);
}

const seconds = (uptime: string) => uptime.trim().split(" ").map(Number) as [number, number];

describe("/proc/PID/timens_offsets", () => {
  it("reads zero offsets in the initial time namespace, in the kernel's columns", () => {
    const h = new KernelHarness();
    const t = h.task(h.shell);
    expect(renderTimensOffsets(h.state, t, procView(t))).toBe(ZERO);
  });

  it("takes offsets before the first process enters, then shows them as recorded", () => {
    const h = new KernelHarness();
    const unshare = unshareTime(h);
    const out = writeTimensOffsets(h.state, unshare, unshare, UNSHARE_WRITE);
    expect(out.result).toEqual({ ok: true, value: UNSHARE_WRITE.length });
    h.state = out.state;
    const sh = h.task(h.fork(h.shell));
    expect(renderTimensOffsets(h.state, sh, procView(sh))).toBe("monotonic        1000         0\nboottime     86400000         0\n");
    const [inside, idleIn] = seconds(renderUptime(h.state, procView(sh)));
    const [host, idleHost] = seconds(renderUptime(h.state, procView(h.task(h.shell))));
    expect(Math.round((inside - host) * 100)).toBe(8_640_000_000);
    expect(idleIn).toBe(idleHost);
  });

  it("refuses offsets once a process has entered (EACCES)", () => {
    const h = new KernelHarness();
    const unshare = unshareTime(h);
    h.fork(h.shell);
    const out = writeTimensOffsets(h.state, unshare, unshare, UNSHARE_WRITE);
    expect(out.result).toEqual({ ok: false, error: "EACCES" });
    expect(out.trace.at(-1)?.rule).toBe("proc_timens_set_offset: frozen_offsets");
  });

  it("needs CAP_SYS_TIME in the namespace's owner, valid clocks and offsets in range", () => {
    const h = new KernelHarness();
    const unshare = unshareTime(h);
    const nobody = { ...unshare, cred: userCred(1000, 1000) };
    expect(writeTimensOffsets(h.state, nobody, unshare, "boottime 5 0").result).toEqual({ ok: false, error: "EPERM" });
    expect(writeTimensOffsets(h.state, unshare, unshare, "realtime 5 0").result).toEqual({ ok: false, error: "EINVAL" });
    expect(writeTimensOffsets(h.state, unshare, unshare, "boottime 5 1000000000").result).toEqual({ ok: false, error: "EINVAL" });
    expect(writeTimensOffsets(h.state, unshare, unshare, "boottime -100000 0").result).toEqual({ ok: false, error: "ERANGE" });
    const neg = writeTimensOffsets(h.state, unshare, unshare, "monotonic -2 500000000\n");
    expect(renderTimensOffsets(neg.state, unshare, procView(unshare))).toBe("monotonic          -2 500000000\nboottime            0         0\n");
  });
});
