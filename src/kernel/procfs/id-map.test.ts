/**
 * uid_map, gid_map and setgroups: the recorded outputs (01_host_baseline, 02_unshare,
 * 15_userns_remap) and every rule of user_namespaces(7) "Defining user and group ID mappings".
 */
import { describe, expect, it } from "vitest";
import { KernelHarness } from "../testing";
import { CLONE_NEWUSER } from "../ns/namespace";
import { renderGidMap, renderSetgroups, renderUidMap } from "./id-map-show";
import { writeGidMap, writeUidMap } from "./id-map-write";
import { writeSetgroups } from "./setgroups";
import { mapRootUser, mustWrite, spawn, userShell } from "./testing";
import { procView } from "./view";

const maps = (h: KernelHarness, pid: number, reader: number) => {
  const [t, v] = [h.task(pid as never), procView(h.task(reader as never))];
  return renderUidMap(h.state, t, v) + renderGidMap(h.state, t, v) + renderSetgroups(h.state, t, v);
};
const errorOf = (out: { result: { ok: boolean; error?: unknown } }) => (out.result.ok ? "ok" : out.result.error);

describe("reading uid_map, gid_map, setgroups", () => {
  it("shows the identity map of the initial namespace (01_host_baseline)", () => {
    const h = new KernelHarness();
    expect(maps(h, h.shell, h.shell)).toBe("         0          0 4294967295\n         0          0 4294967295\nallow\n");
  });

  it("shows `unshare --user --map-root-user` run by real root (02_unshare)", () => {
    const h = new KernelHarness();
    const sh = mapRootUser(h, h.shell, ["sh"]);
    expect(maps(h, sh, sh)).toBe("         0          0          1\n         0          0          1\ndeny\n");
  });

  it("shows `unshare -r` by uid 1000 as `0 1000 1`, from inside and from the host", () => {
    const h = new KernelHarness();
    const sh = mapRootUser(h, userShell(h), ["sh"]);
    expect(maps(h, sh, sh)).toBe("         0       1000          1\n         0       1000          1\ndeny\n");
    expect(maps(h, sh, h.shell)).toBe("         0       1000          1\n         0       1000          1\ndeny\n");
  });

  it("is empty before anything is written (`unshare --user`)", () => {
    const h = new KernelHarness();
    const sh = spawn(h, h.shell, ["sh"], CLONE_NEWUSER);
    expect(maps(h, sh, sh)).toBe("allow\n");
  });

  it("shows outside ids relative to the reader, and the parent's terms to a reader inside", () => {
    const h = new KernelHarness();
    const a = mapRootUser(h, userShell(h), ["sh"]);
    const b = spawn(h, a, ["sh"], CLONE_NEWUSER);
    mustWrite(h, writeUidMap(h.state, h.task(a), h.task(b), "0 0 1\n"));
    expect(renderUidMap(h.state, h.task(b), procView(h.task(a)))).toBe("         0          0          1\n");
    expect(renderUidMap(h.state, h.task(b), procView(h.task(b)))).toBe("         0          0          1\n");
    expect(renderUidMap(h.state, h.task(b), procView(h.task(h.shell)))).toBe("         0       1000          1\n");
    // A reader in A looking at the host's map: global ids it has no name for are (uid_t)-1.
    expect(renderUidMap(h.state, h.task(h.shell), procView(h.task(a)))).toBe("         0 4294967295 4294967295\n");
  });
});

describe("writing uid_map and gid_map", () => {
  it("lets the host's root map a container's 65536 ids at 100000 (15_userns_remap)", () => {
    const h = new KernelHarness();
    const c = spawn(h, h.shell, ["sh"], CLONE_NEWUSER);
    const out = writeUidMap(h.state, h.task(h.shell), h.task(c), "0 100000 65536\n");
    expect(out.result).toEqual({ ok: true, value: 15 });
    expect(out.trace.map((x) => `${x.verdict}:${x.rule}`)).toEqual([
      "pass:proc_uid_map_write: seq_user_ns", "pass:ns_capable(CAP_SYS_ADMIN)", "pass:map_write: parse",
      "pass:ns_capable(CAP_SETUID)", "pass:map_write: install",
    ]);
    h.state = out.state;
    expect(renderUidMap(h.state, h.task(c), procView(h.task(c)))).toBe("         0     100000      65536\n");
  });

  it("can be written only once: the second write fails with EPERM", () => {
    const h = new KernelHarness();
    const sh = mapRootUser(h, h.shell, ["sh"]);
    const again = writeUidMap(h.state, h.task(sh), h.task(sh), "0 0 1\n");
    expect(errorOf(again)).toBe("EPERM");
    expect(again.trace.at(-1)?.rule).toBe("map_write: written once");
  });

  it("refuses an unprivileged gid_map until setgroups is denied", () => {
    const h = new KernelHarness();
    const sh = spawn(h, userShell(h), ["sh"], CLONE_NEWUSER);
    mustWrite(h, writeUidMap(h.state, h.task(sh), h.task(sh), "0 1000 1\n"));
    const early = writeGidMap(h.state, h.task(sh), h.task(sh), "0 1000 1\n");
    expect(errorOf(early)).toBe("EPERM");
    expect(early.trace.at(-1)?.reason).toContain(`write "deny" to /proc/PID/setgroups`);
    mustWrite(h, writeSetgroups(h.state, h.task(sh), h.task(sh), "deny\n"));
    expect(errorOf(writeGidMap(h.state, h.task(sh), h.task(sh), "0 1000 1\n"))).toBe("ok");
  });

  it("refuses an unprivileged writer anything but its own euid", () => {
    const h = new KernelHarness();
    const sh = spawn(h, userShell(h), ["sh"], CLONE_NEWUSER);
    for (const text of ["0 1001 1\n", "0 1000 2\n", "0 1000 1\n1 1001 1\n"]) {
      const out = writeUidMap(h.state, h.task(sh), h.task(sh), text);
      expect(errorOf(out)).toBe("EPERM");
      expect(out.trace.at(-1)?.rule).toBe("ns_capable(CAP_SETUID)");
    }
    // Mapping the parent's uid 0 also needs CAP_SETFCAP (verify_root_map()).
    expect(writeUidMap(h.state, h.task(sh), h.task(sh), "0 0 1\n").trace.at(-1)?.rule).toBe("verify_root_map: CAP_SETFCAP");
  });

  it("rejects malformed and overlapping maps with EINVAL", () => {
    const h = new KernelHarness();
    const c = spawn(h, h.shell, ["sh"], CLONE_NEWUSER);
    const root = h.task(h.shell);
    for (const text of ["", "0 100000\n", "0 100000 0\n", "x 1 1\n", "0 1 1 junk\n", "0 100000 10\n5 200000 10\n",
      "0 100000 10\n20 100005 10\n", "4294967295 0 1\n", "1 4294967290 10\n", "0 1 1\n\n2 3 1\n"]) {
      expect([text, errorOf(writeUidMap(h.state, root, h.task(c), text))]).toEqual([text, "EINVAL"]);
    }
  });

  it("takes at most 340 lines", () => {
    const h = new KernelHarness();
    const c = spawn(h, h.shell, ["sh"], CLONE_NEWUSER);
    const lines = (n: number) => Array.from({ length: n }, (_, i) => `${i} ${i} 1\n`).join("");
    expect(errorOf(writeUidMap(h.state, h.task(h.shell), h.task(c), lines(341)))).toBe("EINVAL");
    const ok = writeUidMap(h.state, h.task(h.shell), h.task(c), lines(340));
    expect(errorOf(ok)).toBe("ok");
    // More than five extents are kept, and shown, sorted by inside id.
    expect(renderUidMap(ok.state, h.task(c), procView(h.task(h.shell))).split("\n")[339]).toBe("       339        339          1");
  });

  it("needs the writer in the namespace or its parent, and not the initial namespace", () => {
    const h = new KernelHarness();
    const a = spawn(h, h.shell, ["sh"], CLONE_NEWUSER);
    const b = spawn(h, h.shell, ["sh"], CLONE_NEWUSER);
    expect(writeUidMap(h.state, h.task(a), h.task(b), "0 0 1\n").trace.at(-1)?.rule).toBe("proc_uid_map_write: seq_user_ns");
    expect(errorOf(writeUidMap(h.state, h.task(h.shell), h.task(h.shell), "0 0 1\n"))).toBe("EPERM");
  });

  it("needs every outside id mapped in the parent namespace", () => {
    const h = new KernelHarness();
    const a = mapRootUser(h, userShell(h), ["sh"]);
    const b = spawn(h, a, ["sh"], CLONE_NEWUSER);
    const out = writeUidMap(h.state, h.task(a), h.task(b), "0 5 1\n");
    expect(errorOf(out)).toBe("EPERM");
    expect(out.trace.at(-1)?.rule).toBe("map_id_range_down");
  });
});

describe("writing setgroups", () => {
  it("accepts deny before gid_map, then refuses allow and a second deny after gid_map", () => {
    const h = new KernelHarness();
    const sh = mapRootUser(h, h.shell, ["sh"]);
    const t = h.task(sh);
    expect(errorOf(writeSetgroups(h.state, t, t, "allow\n"))).toBe("EPERM");
    expect(errorOf(writeSetgroups(h.state, t, t, "deny\n"))).toBe("EPERM");
    expect(errorOf(writeSetgroups(h.state, t, t, "maybe\n"))).toBe("EINVAL");
  });

  it("needs CAP_SYS_ADMIN in the namespace to open it for writing (EACCES)", () => {
    const h = new KernelHarness();
    const c = spawn(h, h.shell, ["sh"], CLONE_NEWUSER);
    const out = writeSetgroups(h.state, h.task(userShell(h)), h.task(c), "deny\n");
    expect(errorOf(out)).toBe("EACCES");
  });
});
