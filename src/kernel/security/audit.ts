/**
 * Audit records of the security modules, in the form the kernel prints them to its log when no
 * auditd is running (`dmesg`, `/var/log/kern.log`):
 *
 *   audit: type=1400 audit(1700000000.123:42): apparmor="DENIED" operation="open" …
 *
 * The time and the serial number are parameters, so these functions stay pure: the caller reads
 * them from the simulated clock and the kernel's audit counter (kernel/audit.c: audit_log_start()
 * stamps each record with `audit(%llu.%03lu:%u)` = seconds.milliseconds:serial).
 */

/** When a record was made and its serial number (kernel/audit.c: audit_serial()). */
export interface AuditStamp {
  /** Simulated wall-clock time in milliseconds since the epoch. */
  readonly timeMs: number;
  readonly serial: number;
}

/** The task a record is about: the `pid=` and `comm=` fields (security/lsm_audit.c). */
export interface AuditTask {
  readonly pid: number;
  /** The task's command name, at most 15 characters (TASK_COMM_LEN - 1), as `ps -o comm` shows. */
  readonly comm: string;
}

/** AUDIT_AVC: both AppArmor and SELinux denials are logged with this record type. */
export const AUDIT_AVC = 1400;

// SIMPLIFICATION: every record reaches the log; kauditd's rate limit ("kauditd_printk_skb: N
// callbacks suppressed") and auditd (type=AVC msg=audit(…) in /var/log/audit/audit.log) are not modelled.
/** `audit(1700000000.123:42)` */
export function auditStampText(stamp: AuditStamp): string {
  const ms = Math.max(0, Math.floor(stamp.timeMs));
  const sec = Math.floor(ms / 1000);
  return `audit(${sec}.${String(ms % 1000).padStart(3, "0")}:${stamp.serial})`;
}

/** The kernel-log line for a record body: `audit: type=1400 audit(…): BODY`. */
export const auditLine = (type: number, stamp: AuditStamp, body: string): string =>
  `audit: type=${type} ${auditStampText(stamp)}: ${body}`;

/**
 * `comm="sh"`: audit_log_untrustedstring() prints a value in double quotes unless it contains a
 * space, a quote or a control character, in which case it is printed as uppercase hex.
 */
export function untrusted(value: string): string {
  // SIMPLIFICATION: the hex form encodes UTF-16 code units, not UTF-8 bytes, so non-ASCII names differ.
  const needsHex = [...value].some((c) => c <= " " || c === '"' || c >= "\x7f");
  if (!needsHex) return `"${value}"`;
  return [...value].map((c) => c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")).join("");
}

/** Everything a check needs to write its audit record: the task and when. */
export interface AuditContext extends AuditTask {
  readonly stamp: AuditStamp;
}
