/**
 * ps's format specifiers (procps-ng 4.0.4 `src/ps/output.c`: format_array and the pr_*
 * functions) for the columns the simulator has data for: header, default width, justification
 * and how each value is printed. `max` is the room the column may fill (max_rightward).
 */
import type { NsName, Proc, SystemInfo } from "./proc-read";
import { DAYS, HERTZ, MONTHS, brokenDown, cmdlineText, escapeText, ttyName } from "./proc-read";

/** Justification (CF_*): left, right, user (left unless numeric), unlimited (last), wchan. */
export type Just = "left" | "right" | "user" | "unlimited" | "wchan";

export interface PrCtx {
  readonly sys: SystemInfo;
  readonly memTotal: number;
  readonly user: (uid: number) => string | undefined;
  readonly group: (gid: number) => string | undefined;
  /** BSD `n`: numeric user ids. */
  readonly userIsNumber: boolean;
  /** -f: comm shows the command line. */
  readonly unixF: boolean;
  /** BSD `c`: args shows the command name. */
  readonly bsdC: boolean;
}

export interface Spec {
  readonly head: string;
  readonly width: number;
  readonly just: Just;
  /** CF_PIDMAX: as wide as pid_max has digits. */
  readonly pidmax?: true;
  readonly pr: (p: Proc, c: PrCtx, max: number) => string;
  readonly argv?: true;
  readonly ns?: NsName;
  readonly cgroup?: true;
  readonly label?: true;
}

const elapsed = (p: Proc, c: PrCtx) => Math.max(0, c.sys.uptime - p.startTicks / HERTZ);
const started = (p: Proc, c: PrCtx) => c.sys.btime + Math.floor(p.startTicks / HERTZ);
const cut = (s: string, max: number) => (s.length > max ? s.slice(0, Math.max(0, max)) : s);
const p2 = (n: number) => String(n).padStart(2, "0");

/** [dd-]hh:mm:ss. */
export function cpuTime(t: number): string {
  const dd = Math.floor(t / 86400);
  return `${dd ? `${dd}-` : ""}${p2(Math.floor(t / 3600) % 24)}:${p2(Math.floor(t / 60) % 60)}:${p2(t % 60)}`;
}

/** [[dd-]hh:]mm:ss. */
export function etime(t: number): string {
  const dd = Math.floor(t / 86400);
  const hh = Math.floor(t / 3600) % 24;
  return `${dd ? `${dd}-` : ""}${dd || hh ? `${p2(hh)}:` : ""}${p2(Math.floor(t / 60) % 60)}:${p2(t % 60)}`;
}

/** ctime(3) without the newline: `Fri Nov 28 22:56:42 2025`. */
export function ctime(sec: number): string {
  const t = brokenDown(sec);
  return `${DAYS[t.wday]} ${MONTHS[t.mon]} ${String(t.mday).padStart(2)} ${t.hh}:${t.mm}:${t.ss} ${t.year}`;
}

/** pr_stime(): HH:MM today, MonDD this year, else the year. */
function stime(p: Proc, c: PrCtx): string {
  const now = brokenDown(c.sys.now);
  const t = brokenDown(started(p, c));
  if (now.year !== t.year) return String(t.year);
  if (now.yday !== t.yday) return `${MONTHS[t.mon]}${p2(t.mday)}`;
  return `${t.hh}:${t.mm}`;
}

function pcpu(p: Proc, c: PrCtx, scale: number): number {
  const jiffies = Math.floor(elapsed(p, c) * HERTZ);
  return jiffies ? Math.floor((p.ticks * scale) / jiffies) : 0;
}

/** do_pr_name(): the name, cut with a `+` when it does not fit; the number under BSD `n`. */
function named(name: string | undefined, id: number, c: PrCtx, max: number): string {
  if (c.userIsNumber) return String(id);
  const text = escapeText(name ?? String(id));
  return text.length <= max || max < 1 ? text : `${text.slice(0, max - 1)}+`;
}

/** PIDS_CGROUP: the non-root lines of /proc/PID/cgroup, comma-separated, or `-`. */
function cgroupText(p: Proc): string {
  const lines = (p.cgroup ?? "").split(/[\n\0]/).filter((l) => l !== "" && !l.endsWith("/"));
  return lines.length ? lines.map(escapeText).join(",") : "-";
}

/** pr_stat(): state, then < N L s l + flags. */
function bsdStat(p: Proc): string {
  let s = p.state;
  if (p.nice < 0) s += "<";
  if (p.nice > 0) s += "N";
  if (p.vmLck) s += "L";
  if (p.sid === p.pid) s += "s";
  if (p.nlwp > 1) s += "l";
  if (p.pgrp === p.tpgid) s += "+";
  return s;
}

const num = (pick: (p: Proc) => number) => (p: Proc) => String(pick(p));
const spec = (head: string, width: number, just: Just, pr: Spec["pr"], extra: Partial<Spec> = {}): Spec => ({ head, width, just, pr, ...extra });
const pidSpec = (head: string, pick: (p: Proc) => number) => spec(head, 5, "right", num(pick), { pidmax: true });
const nsSpec = (ns: NsName): Spec => spec(`${ns.toUpperCase()}NS`, 10, "right", (p) => String(p.ns[ns] ?? "-"), { ns });
const args = (head: string): Spec =>
  spec(head, 27, "unlimited", (p, c, max) => cut(c.bsdC ? escapeText(p.comm) : cmdlineText(p), max), { argv: true });
const comm = (head: string): Spec =>
  spec(head, 15, "unlimited", (p, c, max) => cut(c.unixF ? cmdlineText(p) : escapeText(p.comm), max), { argv: true });
const user = (head: string, pick: (p: Proc) => number): Spec =>
  spec(head, 8, "user", (p, c, max) => named(c.user(pick(p)), pick(p), c, max));
const group = (head: string, pick: (p: Proc) => number): Spec =>
  spec(head, 8, "user", (p, c, max) => named(c.group(pick(p)), pick(p), c, max));
const tty = (head: string): Spec => spec(head, 8, "left", (p) => ttyName(p.ttyNr));
const label = (head: string): Spec =>
  spec(head, 31, "left", (p) => /^[\x20-\x7e]*/.exec(p.label ?? "")?.[0] || "-", { label: true });
const cpu = spec("%CPU", 4, "right", (p, c) => {
  const v = pcpu(p, c, 1000);
  return v > 999 ? String(Math.floor(v / 10)) : `${Math.floor(v / 10)}.${v % 10}`;
});
const mem = spec("%MEM", 4, "right", (p, c) => {
  const v = Math.min(999, c.memTotal ? Math.floor((p.vmRss * 1000) / c.memTotal) : 0);
  return `${String(Math.floor(v / 10)).padStart(2)}.${v % 10}`;
});
const time = spec("TIME", 8, "right", (p) => cpuTime(Math.floor(p.ticks / HERTZ)));
const bsdstart = spec("START", 6, "right", (p, c) => {
  const t = started(p, c);
  return (c.sys.now - t > 86400 ? ctime(t).slice(4) : ctime(t).slice(10)).slice(0, 6);
});

/** The specifiers, by name (format_array). */
export const FORMATS: Readonly<Record<string, Spec>> = {
  "%cpu": cpu, pcpu: cpu, "%mem": mem, pmem: mem,
  args: args("COMMAND"), command: args("COMMAND"), cmd: args("CMD"),
  comm: comm("COMMAND"), ucomm: comm("COMMAND"), ucmd: comm("CMD"),
  fname: spec("COMMAND", 8, "left", (p) => cut(escapeText(p.comm), 8)),
  addr: spec("ADDR", 4, "right", () => "-"), addr_1: spec("ADDR", 1, "left", () => "-"),
  bsdstart, start_time: spec("START", 5, "right", stime), stime: spec("STIME", 5, "right", stime),
  bsdtime: spec("TIME", 6, "right", (p) => {
    const u = Math.floor(p.ticks / HERTZ);
    return `${String(Math.floor(u / 60)).padStart(3)}:${p2(u % 60)}`;
  }),
  c: spec("C", 2, "right", (p, c) => String(Math.min(99, pcpu(p, c, 100))).padStart(2)),
  cgroup: spec("CGROUP", 27, "unlimited", (p, _c, max) => cut(cgroupText(p), max), { cgroup: true }),
  cgroupns: nsSpec("cgroup"), ipcns: nsSpec("ipc"), mntns: nsSpec("mnt"), netns: nsSpec("net"),
  pidns: nsSpec("pid"), timens: nsSpec("time"), userns: nsSpec("user"), utsns: nsSpec("uts"),
  egid: spec("EGID", 5, "right", num((p) => p.egid)), gid: spec("GID", 5, "right", num((p) => p.egid)),
  rgid: spec("RGID", 5, "right", num((p) => p.rgid)),
  egroup: group("EGROUP", (p) => p.egid), group: group("GROUP", (p) => p.egid), rgroup: group("RGROUP", (p) => p.rgid),
  euid: spec("EUID", 5, "right", num((p) => p.euid)), uid: spec("UID", 5, "right", num((p) => p.euid)),
  ruid: spec("RUID", 5, "right", num((p) => p.ruid)), suid: spec("SUID", 5, "right", num((p) => p.suid)),
  fuid: spec("FUID", 5, "right", num((p) => p.fuid)), fsuid: spec("FSUID", 5, "right", num((p) => p.fuid)),
  euser: user("EUSER", (p) => p.euid), user: user("USER", (p) => p.euid), uname: user("USER", (p) => p.euid),
  uid_hack: user("UID", (p) => p.euid), ruser: user("RUSER", (p) => p.ruid), suser: user("SUSER", (p) => p.suid),
  fuser: user("FUSER", (p) => p.fuid),
  etime: spec("ELAPSED", 11, "right", (p, c) => etime(Math.floor(elapsed(p, c)))),
  etimes: spec("ELAPSED", 7, "right", (p, c) => String(Math.floor(elapsed(p, c)))),
  f: spec("F", 1, "right", (p) => ((p.flags >>> 6) & 7).toString(8)), flags: spec("F", 1, "right", (p) => ((p.flags >>> 6) & 7).toString(8)),
  label: label("LABEL"), context: label("CONTEXT"),
  lstart: spec("STARTED", 24, "right", (p, c) => ctime(started(p, c))),
  start: spec("STARTED", 8, "right", (p, c) => {
    const t = started(p, c);
    const s = ctime(t).replace(/^(.{8}) /, "$10");
    return t + 86400 > c.sys.now ? s.slice(11, 19) : `  ${s.slice(4, 10)}`;
  }),
  ni: spec("NI", 3, "right", num((p) => p.nice)), nice: spec("NI", 3, "right", num((p) => p.nice)),
  nlwp: spec("NLWP", 4, "right", num((p) => p.nlwp)), thcount: spec("THCNT", 5, "right", num((p) => p.nlwp)),
  pgid: pidSpec("PGID", (p) => p.pgrp), pgrp: pidSpec("PGRP", (p) => p.pgrp), pid: pidSpec("PID", (p) => p.pid),
  tgid: pidSpec("TGID", (p) => p.pid), ppid: pidSpec("PPID", (p) => p.ppid), sess: pidSpec("SESS", (p) => p.sid),
  session: pidSpec("SESS", (p) => p.sid), sid: pidSpec("SID", (p) => p.sid), tpgid: pidSpec("TPGID", (p) => p.tpgid),
  lwp: pidSpec("LWP", (p) => p.pid), tid: pidSpec("TID", (p) => p.pid), spid: pidSpec("SPID", (p) => p.pid),
  pri: spec("PRI", 3, "right", num((p) => 39 - p.priority)), opri: spec("PRI", 3, "right", num((p) => 60 + p.priority)),
  priority: spec("PRI", 3, "right", num((p) => p.priority)), psr: spec("PSR", 3, "right", num((p) => p.processor)),
  rss: spec("RSS", 5, "right", num((p) => p.vmRss)), rssize: spec("RSS", 5, "right", num((p) => p.vmRss)),
  rsz: spec("RSZ", 5, "right", num((p) => p.vmRss)), vsz: spec("VSZ", 6, "right", num((p) => p.vmSize)),
  vsize: spec("VSZ", 6, "right", num((p) => p.vmSize)), sz: spec("SZ", 5, "right", num((p) => Math.floor(p.vmSize / 4))),
  s: spec("S", 1, "left", (p) => p.state), state: spec("S", 1, "left", (p) => p.state), stat: spec("STAT", 4, "left", bsdStat),
  time, cputime: time, times: spec("TIME", 8, "right", (p) => String(Math.floor(p.ticks / HERTZ))),
  tname: tty("TTY"), tt: tty("TT"), tty: tty("TT"), tty8: tty("TTY"), longtname: tty("TTY"),
  // SIMPLIFICATION: /proc/PID/wchan has no symbol to show.
  wchan: spec("WCHAN", 6, "wchan", () => "-"),
};

/** Format macros (macro_array) for the formats ps builds from options. */
export const MACROS: Readonly<Record<string, string>> = {
  DefBSD: "pid,tname,stat,bsdtime,args", DefSysV: "pid,tname,time,cmd", END_BSD: "state,tname,cputime,comm",
  END_SYS5: "state,tname,time,command", OL_j: "ppid,pid,pgid,sid,tname,tpgid,stat,uid,bsdtime,args",
  OL_l: "flags,uid,pid,ppid,priority,nice,vsz,rss,wchan,stat,tname,bsdtime,args",
  OL_u: "user,pid,pcpu,pmem,vsz,rss,tname,stat,start_time,bsdtime,args", FLASK_context: "pid,context,command",
};
