/**
 * uptime (procps-ng 4.0.4 `src/uptime.c`, `library/uptime.c`): the time, how long the system
 * has been up (/proc/uptime), the users logged in (USER_PROCESS records of /run/utmp, since the
 * host has no /run/systemd/system for logind to answer) and /proc/loadavg. 4.0.4 writes
 * `0 user` and `1 user`: its plural needs more than one.
 */
import type { Timespec } from "../../../kernel/index.ts";
import { CLOCK_REALTIME } from "../../../kernel/index.ts";
import type { ProgramArgs, ProgramRun } from "../../process/program";
import { readFile, sys, writeAll } from "../../process/sys";
import { getopt } from "../common";
import { brokenDown } from "./proc-read";

const USAGE =
  "\nUsage:\n uptime [options]\n\nOptions:\n -p, --pretty   show uptime in pretty format\n" +
  " -h, --help     display this help and exit\n -s, --since    system up since\n" +
  " -V, --version  output version information and exit\n\nFor more details see uptime(1).\n";

/** struct utmp on x86-64: 384 bytes, ut_type first, ut_user at 44. */
const UTMP_SIZE = 384;
const USER_PROCESS = 7;

function countUsers(utmp: string): number {
  let n = 0;
  for (let at = 0; at + UTMP_SIZE <= utmp.length; at += UTMP_SIZE) {
    if (utmp.charCodeAt(at) === USER_PROCESS && utmp.charCodeAt(at + 44) !== 0) n++;
  }
  return n;
}

/** procps_uptime_sprint_short(): `up 2 hours, 5 minutes`. */
export function prettyUptime(seconds: number): string {
  let s = seconds;
  const parts: string[] = [];
  const take = (size: number, one: string, many: string, plural: (n: number) => boolean) => {
    if (s <= size) return;
    const n = Math.floor(s / size);
    s -= n * size;
    parts.push(`${n} ${plural(n) ? many : one}`);
  };
  const more = (n: number) => n > 1;
  take(60 * 60 * 24 * 365 * 10, "decade", "decades", more);
  take(60 * 60 * 24 * 365, "year", "years", more);
  take(60 * 60 * 24 * 7, "week", "weeks", more);
  take(60 * 60 * 24, "day", "days", more);
  take(60 * 60, "hour", "hours", more);
  const minutes = s > 60 ? Math.floor(s / 60) : 0;
  if (minutes || s < 60) parts.push(`${minutes} ${minutes !== 1 ? "minutes" : "minute"}`);
  return `up ${parts.join(", ")}`;
}

/** procps_uptime_sprint(): ` 22:56:42 up  1:02,  0 user,  load average: 0.00, 0.00, 0.00`. */
export function standardUptime(now: number, seconds: number, users: number, load: readonly number[]): string {
  const t = brokenDown(now);
  const whole = Math.trunc(seconds);
  const days = Math.floor(whole / 86400);
  const hours = Math.floor(whole / 3600) % 24;
  const minutes = Math.floor(whole / 60) % 60;
  let out = ` ${t.hh}:${t.mm}:${t.ss} up `;
  if (days) out += `${days} ${days > 1 ? "days" : "day"}, `;
  out += hours ? `${String(hours).padStart(2)}:${String(minutes).padStart(2, "0")}, ` : `${minutes} min, `;
  return `${out}${String(users).padStart(2)} ${users > 1 ? "users" : "user"},  load average: ${load.map((l) => l.toFixed(2)).join(", ")}`;
}

function* say(fd: number, text: string, status: number): ProgramRun {
  const err = yield* writeAll(fd, text);
  return err ? 1 : status;
}

export function* uptime(args: ProgramArgs): ProgramRun {
  const parsed = getopt(args.argv, {
    short: "phsV",
    long: { pretty: { key: "p", arg: "none" }, help: { key: "h", arg: "none" }, since: { key: "s", arg: "none" }, version: { key: "V", arg: "none" } },
  });
  if (!parsed.ok) return yield* say(2, parsed.message + USAGE, 1);
  let pretty = false;
  let since = false;
  for (const { key } of parsed.options) {
    if (key === "p") pretty = true;
    else if (key === "h") return yield* say(1, USAGE, 0);
    else if (key === "V") return yield* say(1, "uptime from procps-ng 4.0.4\n", 0);
    else if (key === "s") {
      since = true;
      break;
    }
  }
  if (!since && parsed.operands.length) return yield* say(2, USAGE, 1);
  const clock = yield* sys<Timespec>({ name: "clock_gettime", clock: CLOCK_REALTIME });
  const now = clock.ok ? clock.value.sec + clock.value.nsec / 1e9 : 0;
  const up = yield* readFile("/proc/uptime");
  const seconds = up.ok ? Number(up.value.split(" ")[0]) || 0 : 0;
  if (since) {
    if (!up.ok) return yield* say(2, "uptime: Cannot get system uptime\n", 1);
    const t = brokenDown(Math.trunc(now - seconds));
    return yield* say(1, `${String(t.year).padStart(4, "0")}-${t.pad(t.mon + 1)}-${t.pad(t.mday)} ${t.hh}:${t.mm}:${t.ss}\n`, 0);
  }
  if (!up.ok) return yield* say(1, "\n", 0);
  if (pretty) return yield* say(1, `${prettyUptime(seconds)}\n`, 0);
  const utmp = yield* readFile("/run/utmp");
  const loadavg = yield* readFile("/proc/loadavg");
  const load = (loadavg.ok ? loadavg.value.split(" ").slice(0, 3).map(Number) : [0, 0, 0]).map((n) => n || 0);
  const line = standardUptime(Math.floor(now), seconds, utmp.ok ? countUsers(utmp.value) : 0, load);
  return yield* say(1, `${line}\n`, 0);
}
