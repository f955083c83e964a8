/**
 * What libproc2 (procps-ng 4.0.4's library) reads for ps, pgrep and pkill: one process's
 * /proc/PID/stat, status and cmdline, and on demand its ns/* links, cgroup and attr/current;
 * the system's uptime, boot time, MemTotal and pid_max. Everything comes through syscalls;
 * a process that vanishes between readdir and its reads is skipped, as readproc() skips it.
 */
import type { Timespec } from "../../../kernel/index.ts";
import { CLOCK_REALTIME } from "../../../kernel/index.ts";
import type { Sys } from "../../process/sys";
import { listDir, readFile, sys } from "../../process/sys";

/** USER_HZ, what sysconf(_SC_CLK_TCK) answers on x86-64 (procps_hertz_get()). */
export const HERTZ = 100;
/** The namespaces libproc2 knows, in its order (library/namespace.c). */
export const NS_NAMES = ["cgroup", "ipc", "mnt", "net", "pid", "user", "uts", "time"] as const;
export type NsName = (typeof NS_NAMES)[number];

export interface Proc {
  readonly pid: number;
  readonly comm: string;
  readonly state: string;
  readonly ppid: number;
  readonly pgrp: number;
  readonly sid: number;
  readonly ttyNr: number;
  readonly tpgid: number;
  readonly flags: number;
  /** utime + stime, in clock ticks. */
  readonly ticks: number;
  readonly priority: number;
  readonly nice: number;
  readonly nlwp: number;
  /** Field 22: when the process started, in clock ticks after boot. */
  readonly startTicks: number;
  /** Field 39: the CPU it last ran on. */
  readonly processor: number;
  readonly ruid: number;
  readonly euid: number;
  readonly suid: number;
  readonly fuid: number;
  readonly rgid: number;
  readonly egid: number;
  /** VmSize, VmRSS and VmLck of status, in kB (0 for kernel threads). */
  readonly vmSize: number;
  readonly vmRss: number;
  readonly vmLck: number;
  /** argv from /proc/PID/cmdline; empty for kernel threads and zombies. */
  readonly argv: readonly string[];
  readonly ns: Partial<Record<NsName, number>>;
  readonly cgroup?: string;
  readonly label?: string;
}

/** The optional parts of a process a caller wants read. */
export interface Needs {
  readonly argv?: boolean;
  readonly ns?: readonly NsName[];
  readonly cgroup?: boolean;
  readonly label?: boolean;
}

/** The PIDs under /proc, ascending as procfs's readdir gives them. */
export function* listPids(): Sys<number[]> {
  const r = yield* listDir("/proc");
  if (!r.ok) return [];
  return r.value.map((d) => d.name).filter((n) => /^\d+$/.test(n)).map(Number).sort((a, b) => a - b);
}

const statusField = (status: string, key: string): string[] =>
  (new RegExp(`^${key}:\\s*(.*)$`, "m").exec(status)?.[1] ?? "").trim().split(/\s+/);
const kb = (status: string, key: string) => Number(statusField(status, key)[0]) || 0;

/** One process as readproc() fills it; undefined when it is gone (or its stat cannot be read). */
export function* readProc(pid: number, needs: Needs = {}): Sys<Proc | undefined> {
  const dir = `/proc/${pid}`;
  const stat = yield* readFile(`${dir}/stat`);
  if (!stat.ok) return undefined;
  const open = stat.value.indexOf("(");
  const close = stat.value.lastIndexOf(")");
  if (open < 0 || close < open) return undefined;
  const f = stat.value.slice(close + 2).trim().split(" ").map((x, i) => (i === 0 ? x : Number(x)));
  const status = yield* readFile(`${dir}/status`);
  if (!status.ok) return undefined;
  const uids = statusField(status.value, "Uid").map(Number);
  const gids = statusField(status.value, "Gid").map(Number);
  let argv: string[] = [];
  if (needs.argv) {
    const c = yield* readFile(`${dir}/cmdline`);
    if (c.ok && c.value !== "") argv = c.value.replace(/\0$/, "").split("\0");
  }
  const ns: Partial<Record<NsName, number>> = {};
  for (const name of needs.ns ?? []) {
    const link = yield* sys<string>({ name: "readlink", path: `${dir}/ns/${name}` });
    const m = link.ok ? /\[(\d+)\]/.exec(link.value) : null;
    if (m) ns[name] = Number(m[1]);
  }
  const cgroup = needs.cgroup ? yield* readFile(`${dir}/cgroup`) : undefined;
  const label = needs.label ? yield* readFile(`${dir}/attr/current`) : undefined;
  const n = (i: number) => f[i] as number;
  return {
    pid, comm: stat.value.slice(open + 1, close), state: f[0] as string, ppid: n(1), pgrp: n(2), sid: n(3),
    ttyNr: n(4), tpgid: n(5), flags: n(6), ticks: n(11) + n(12), priority: n(15), nice: n(16), nlwp: n(17),
    startTicks: n(19), processor: n(36), ruid: uids[0] ?? 0, euid: uids[1] ?? 0, suid: uids[2] ?? 0, fuid: uids[3] ?? 0,
    rgid: gids[0] ?? 0, egid: gids[1] ?? 0, vmSize: kb(status.value, "VmSize"), vmRss: kb(status.value, "VmRSS"),
    vmLck: kb(status.value, "VmLck"), argv, ns,
    ...(cgroup?.ok ? { cgroup: cgroup.value } : {}), ...(label?.ok ? { label: label.value } : {}),
  };
}

/** Control characters become '?', as escape_str() does under a UTF-8 locale. */
export const escapeText = (s: string) => [...s].map((ch) => (ch < " " || ch === "\x7f" ? "?" : ch)).join("");

/**
 * PIDS_CMDLINE: the arguments joined by spaces, or for a process without any (a kernel
 * thread, a zombie) the command name in brackets, `[kthreadd]`, plus ` <defunct>` for a zombie.
 */
export function cmdlineText(p: Proc): string {
  if (p.argv.length > 0) return escapeText(p.argv.join(" "));
  return `[${escapeText(p.comm)}]${p.state === "Z" ? " <defunct>" : ""}`;
}

/**
 * The controlling terminal's name (library/devname.c, for the drivers the simulator has).
 * SIMPLIFICATION: the name comes from the device number alone, not from /dev.
 */
export function ttyName(ttyNr: number): string {
  if (ttyNr === 0) return "?";
  const major = (ttyNr >> 8) & 0xfff;
  const minor = (ttyNr & 0xff) | ((ttyNr >> 12) & 0xfff00);
  if (major >= 136 && major <= 143) return `pts/${(major - 136) * 256 + minor}`;
  if (major === 4) return minor < 64 ? `tty${minor}` : `ttyS${minor - 64}`;
  if (major === 5 && minor === 1) return "console";
  return `${major},${minor}`;
}

export interface SystemInfo {
  /** time(2), seconds since the epoch. */
  readonly now: number;
  /** /proc/uptime's first number. */
  readonly uptime: number;
  /** The boot time in seconds since the epoch. */
  readonly btime: number;
}

/**
 * The clock, /proc/uptime and the boot time. procps takes btime from /proc/stat; when that
 * file has no btime line the boot time is the wall clock minus the uptime, which is the same
 * number (and follows a time namespace's boottime offset, as the start times in stat do).
 */
export function* systemInfo(): Sys<SystemInfo> {
  const clock = yield* sys<Timespec>({ name: "clock_gettime", clock: CLOCK_REALTIME });
  const now = clock.ok ? clock.value.sec + clock.value.nsec / 1e9 : 0;
  const up = yield* readFile("/proc/uptime");
  const uptime = up.ok ? Number(up.value.split(" ")[0]) || 0 : 0;
  const stat = yield* readFile("/proc/stat");
  const btime = stat.ok ? /^btime (\d+)$/m.exec(stat.value)?.[1] : undefined;
  return { now: Math.floor(now), uptime, btime: btime !== undefined ? Number(btime) : Math.floor(now - uptime) };
}

/** The fields of /proc/meminfo, in kB. */
export function* readMeminfo(): Sys<Map<string, number> | undefined> {
  const r = yield* readFile("/proc/meminfo");
  if (!r.ok) return undefined;
  const out = new Map<string, number>();
  for (const m of r.value.matchAll(/^([^:\n]+):\s+(\d+)/gm)) out.set(m[1]!, Number(m[2]));
  return out;
}

/** procps_pid_length(): the digits of /proc/sys/kernel/pid_max, 5 when it cannot be read. */
export function* pidLength(): Sys<number> {
  const r = yield* readFile("/proc/sys/kernel/pid_max");
  return r.ok && r.value.trim() !== "" ? r.value.replace(/\n$/, "").length : 5;
}

/** A UTC broken-down time (the simulated hosts keep /etc/localtime at UTC). */
export function brokenDown(sec: number) {
  const d = new Date(sec * 1000);
  const pad = (n: number) => String(n).padStart(2, "0");
  return {
    year: d.getUTCFullYear(), mon: d.getUTCMonth(), mday: d.getUTCDate(), yday: Math.floor((sec - Date.UTC(d.getUTCFullYear(), 0, 1) / 1000) / 86400),
    hh: pad(d.getUTCHours()), mm: pad(d.getUTCMinutes()), ss: pad(d.getUTCSeconds()), wday: d.getUTCDay(), pad,
  };
}

export const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
export const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
