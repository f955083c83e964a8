/**
 * syslog(2) (`kernel/printk/printk.c: do_syslog()`): the kernel log buffer, as `dmesg` reads
 * it. With kernel.dmesg_restrict = 1 (Ubuntu's default) reading needs CAP_SYSLOG in the initial
 * user namespace (check_syslog_permissions()); a default container has no CAP_SYSLOG, and
 * Docker's seccomp profile also keeps syslog for CAP_SYSLOG holders.
 * Each record reads as `<LEVEL>[SECONDS.MICROS] text`, the format dmesg strips.
 */
import { capableCheck } from "../cred/capable";
import { initNsId } from "../boot/init-namespaces";
import { getSysctl } from "../procfs/store";
import type { KernelState, LogLine } from "../state";
import type { Task } from "../task/task";
import type { Check } from "../trace";
import { deny, pass } from "../trace";
import { failed } from "../vfs/sys-common";
import type { SyscallOutcome } from "./outcome";
import { succeed } from "./outcome";

export const SYSLOG_ACTION_READ_ALL = 3;
export const SYSLOG_ACTION_READ_CLEAR = 4;
export const SYSLOG_ACTION_CLEAR = 5;
export const SYSLOG_ACTION_SIZE_BUFFER = 10;
/** CONFIG_LOG_BUF_SHIFT=18 on Ubuntu: a 256 KiB buffer. */
const LOG_BUF_LEN = 1 << 18;

export interface SyslogCall {
  readonly name: "syslog";
  readonly type: number;
}

/** What the call returns: the records read (READ_ALL, READ_CLEAR) or the buffer size. */
export type SyslogResult = { readonly text: string } | { readonly size: number } | { readonly cleared: true };

/** `[%5lu.%06lu]`: seconds and microseconds since boot. */
export function logTime(atNs: number): string {
  const micros = Math.floor(atNs / 1000);
  return `[${String(Math.floor(micros / 1e6)).padStart(5)}.${String(micros % 1e6).padStart(6, "0")}]`;
}

const record = (line: LogLine) => `<${line.level}>${logTime(line.atNs)} ${line.text}\n`;

export function sysSyslog(state: KernelState, caller: Task, call: SyslogCall): SyscallOutcome<SyslogResult> {
  const known = [SYSLOG_ACTION_READ_ALL, SYSLOG_ACTION_READ_CLEAR, SYSLOG_ACTION_CLEAR, SYSLOG_ACTION_SIZE_BUFFER];
  if (!known.includes(call.type)) return failed(state, [deny("kernel", "do_syslog", `action ${call.type} is not modelled`, "EINVAL")]);
  const restricted = (getSysctl(state, "kernel.dmesg_restrict") ?? "1") !== "0";
  const needsCap = restricted || call.type === SYSLOG_ACTION_CLEAR || call.type === SYSLOG_ACTION_READ_CLEAR;
  const trace: Check[] = [];
  if (needsCap) {
    const cap = capableCheck(state, caller.cred, initNsId("user"), "CAP_SYSLOG", restricted ? "reading the kernel log with dmesg_restrict=1" : "clearing the kernel log");
    if (cap.verdict === "deny") return failed(state, [cap]);
    trace.push(cap);
  }
  if (call.type === SYSLOG_ACTION_SIZE_BUFFER) return succeed(state, [...trace, pass("kernel", "do_syslog", "log buffer size")], { size: LOG_BUF_LEN });
  const text = call.type === SYSLOG_ACTION_CLEAR ? "" : state.dmesg.map(record).join("");
  const next = call.type === SYSLOG_ACTION_READ_ALL ? state : { ...state, dmesg: state.dmesg.clear() };
  if (call.type === SYSLOG_ACTION_CLEAR) return succeed(next, [...trace, pass("kernel", "do_syslog", "log cleared")], { cleared: true });
  return succeed(next, [...trace, pass("kernel", "do_syslog", `${state.dmesg.size} records read`)], { text });
}
