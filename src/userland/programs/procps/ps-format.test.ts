// The column arithmetic of show_one_proc(), on processes made up to match the transcripts.
import { describe, expect, it } from "vitest";
import type { Proc } from "./proc-read";
import { freshOptions } from "./ps-args";
import type { PrCtx } from "./ps-columns";
import { cpuTime, etime } from "./ps-columns";
import type { Column } from "./ps-format";
import { OUTBUF_SIZE, activeCols, buildColumns, showOne } from "./ps-format";

const proc = (over: Partial<Proc>): Proc => ({
  pid: 2809, comm: "sleep", state: "S", ppid: 2808, pgrp: 2809, sid: 1, ttyNr: 0, tpgid: -1, flags: 0, ticks: 0, priority: 20,
  nice: 0, nlwp: 1, startTicks: 0, processor: 0, ruid: 100000, euid: 100000, suid: 100000, fuid: 100000, rgid: 100000,
  egid: 100000, vmSize: 0, vmRss: 0, vmLck: 0, argv: ["sleep", "30"], ns: {}, ...over,
});
const ctx: PrCtx = {
  sys: { now: 1_764_370_602, uptime: 42, btime: 1_764_370_560 }, memTotal: 8_000_000, userIsNumber: false, unixF: false, bsdC: false,
  user: (uid) => (uid === 0 ? "root" : undefined), group: (gid) => (gid === 0 ? "root" : undefined),
};

function lines(format: string, pidLen: number, ...procs: Proc[]): string {
  const o = freshOptions();
  o.sf.push({ code: "U_o", arg: format });
  const cols = buildColumns(o, pidLen, undefined) as Column[];
  const active = activeCols(cols, OUTBUF_SIZE);
  return [null, ...procs].map((p) => showOne(cols, p, ctx, active)).join("");
}

describe("show_one_proc", () => {
  it("lets a wide value push the next columns right, as 15_userns_remap.txt shows", () => {
    expect(lines("uid,gid,user,pid,cmd", 5, proc({}))).toBe("  UID   GID USER       PID CMD\n100000 100000 100000  2809 sleep 30\n");
  });

  it("lines up the namespace columns of 24_container_host_view.txt", () => {
    const p = proc({ pid: 9496, ppid: 9495, euid: 0, argv: ["sleep", "45"], ns: { pid: 4026532252, net: 4026532178, mnt: 4026532249, uts: 4026532250, ipc: 4026532251 } });
    expect(lines("pid,ppid,user,pidns,netns,mntns,utsns,ipcns,cmd", 5, p)).toBe(
      "  PID  PPID USER          PIDNS      NETNS      MNTNS      UTSNS      IPCNS CMD\n" +
        " 9496  9495 root     4026532252 4026532178 4026532249 4026532250 4026532251 sleep 45\n",
    );
  });

  it("cuts a long user name with a +, shows kernel threads in brackets and zombies as defunct", () => {
    const text = lines("user,pid,args", 7, proc({ euid: 0, argv: [] , comm: "kthreadd" }), proc({ state: "Z", argv: [], comm: "sh" }));
    expect(text).toBe("USER         PID COMMAND\nroot        2809 [kthreadd]\n100000      2809 [sh] <defunct>\n");
    const named: PrCtx = { ...ctx, user: () => "systemd-network" };
    const o = freshOptions();
    o.sf.push({ code: "U_o", arg: "user,pid" });
    const cols = buildColumns(o, 7, undefined) as Column[];
    expect(showOne(cols, proc({}), named, OUTBUF_SIZE)).toBe("systemd+    2809\n");
  });

  it("formats TIME as [DD-]HH:MM:SS and ELAPSED as [[DD-]HH:]MM:SS", () => {
    expect(cpuTime(11)).toBe("00:00:11");
    expect(cpuTime(2 * 86400 + 3661)).toBe("2-01:01:01");
    expect(etime(42)).toBe("00:42");
    expect(etime(3 * 3600 + 5)).toBe("03:00:05");
    expect(etime(86400 + 60)).toBe("1-00:01:00");
  });

  it("refuses what procps refuses in a format list", () => {
    const build = (arg: string) => {
      const o = freshOptions();
      o.sf.push({ code: "U_o", arg });
      return buildColumns(o, 7, undefined);
    };
    expect(build("pid,,comm")).toBe("improper format list");
    expect(build("pid:x")).toBe("column widths must be unsigned decimal numbers");
    expect(build("bogus")).toBe('unknown user-defined format specifier "bogus"');
    expect(build("OL_u:5")).toBe("can not set width for a macro (multi-column) format specifier");
  });
});
