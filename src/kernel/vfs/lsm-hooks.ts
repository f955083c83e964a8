/**
 * Where the Linux Security Modules hook into the VFS (`security/security.c`): every hook the
 * VFS calls returns a Check when an LSM has something to say, or undefined when the task is
 * unconfined. A denial carries its audit record, which syscall() writes to the kernel log.
 * The host's `lsm` decides which module answers: AppArmor (Ubuntu) mediates by path, SELinux
 * (Fedora) by the labels of the task and the file.
 * SIMPLIFICATION: SELinux mediates files only (open, exec and the path hooks); mount, ptrace
 * and sockets are AppArmor's alone here.
 */
import type { AuditContext } from "../security/audit";
import type { LsmDecision } from "../security/apparmor/decision";
import type { AaFileRequest } from "../security/apparmor/file";
import { aaPermsFromMask, apparmorFileCheck } from "../security/apparmor/file";
import { apparmorMountCheck, apparmorPtraceCheck } from "../security/apparmor/mediate";
import { selinuxFileCheck } from "../security/selinux/check";
import { apparmorProfileOf } from "../security/lsm";
import type { KernelState } from "../state";
import type { Task } from "../task/task";
import type { Check } from "../trace";
import { aaFileRequest, aaMediated, aaOpenPerms, aaPathRequests } from "./lsm-apparmor";
import type { LsmFile, LsmPathRequest } from "./lsm-object";
import type { SelinuxAsk } from "./lsm-selinux";
import { selinuxFileAsks, selinuxPathAsks, selinuxSubject } from "./lsm-selinux";
import { MAY_EXEC } from "./mode";
import type { FsCtx } from "./node";

export { deviceCgroupCheck } from "./device-cgroup";

/** The audit context for the next record: serial numbers are taken when syscall() logs them. */
function nextAudit(state: KernelState, task: Task): AuditContext {
  return {
    pid: task.nr[0] ?? task.pid, comm: task.comm,
    stamp: { timeMs: state.config.bootEpochMs + Math.floor(state.nowNs / 1e6), serial: state.lsm.auditSerial + 1 },
  };
}

/** A decision as a Check: a record (a denial, or ALLOWED in complain mode) travels with it. */
const withAudit = (d: LsmDecision): Check => (d.audit ? { ...d.check, audit: d.audit } : d.check);

/** Runs an AppArmor decision for a confined task; unconfined tasks meet no LSM check. */
function apparmor(state: KernelState, task: Task, decide: (ctx: AuditContext) => LsmDecision): Check | undefined {
  if (state.config.lsm !== "apparmor" || apparmorProfileOf(state, task).mode === "unconfined") return undefined;
  return withAudit(decide(nextAudit(state, task)));
}

/** AppArmor file checks in order: the first one with a record (a denial) ends them. */
function apparmorFiles(state: KernelState, task: Task, requests: (c: FsCtx) => readonly AaFileRequest[]): Check | undefined {
  if (state.config.lsm !== "apparmor") return undefined;
  const profile = apparmorProfileOf(state, task);
  if (profile.mode === "unconfined") return undefined;
  let last: Check | undefined;
  for (const req of requests({ state, task })) {
    const d = apparmorFileCheck(profile, req, nextAudit(state, task));
    if (d.audit) return withAudit(d);
    last = d.check;
  }
  return last;
}

/** SELinux access vector checks in order, for a confined domain: the first refusal ends them. */
function selinux(state: KernelState, task: Task, asks: (c: FsCtx) => readonly SelinuxAsk[]): Check | undefined {
  if (state.config.lsm !== "selinux") return undefined;
  const subject = selinuxSubject(task);
  if (!subject) return undefined;
  let last: Check | undefined;
  for (const ask of asks({ state, task })) {
    const d = selinuxFileCheck(subject, ask.obj, ask.perms, nextAudit(state, task), { enforcing: state.lsm.selinuxEnforcing });
    if (d.audit) return { ...d.check, audit: d.audit };
    last = d.check;
  }
  return last;
}

const dirName = (path: string) => (path.endsWith("/") ? path : `${path}/`);

/**
 * The LSM checks of opening `file` (`flags` given: security_inode_permission() then
 * security_file_open()) or executing it (MAY_EXEC, no flags: security_bprm_creds_for_exec()).
 * `mask` uses MAY_READ/WRITE/EXEC/APPEND. AppArmor: docker-default's deny rules, such as
 * `deny @{PROC}/sysrq-trigger rwklx` or `deny /sys/[^f]*\/** wklx`; SELinux: the type rules.
 */
export function lsmFilePermission(state: KernelState, task: Task, file: LsmFile, mask: number, flags?: number): Check | undefined {
  const exec = flags === undefined && (mask & MAY_EXEC) !== 0;
  return apparmorFiles(state, task, (c) => (aaMediated(c, file.path)
    ? [aaFileRequest(c, file, flags === undefined ? aaPermsFromMask(mask) : aaOpenPerms(flags), exec ? "exec" : "open")]
    : [])) ?? selinux(state, task, (c) => selinuxFileAsks(c, file, mask));
}

/** security_path_*(): mkdir, mknod (and open with O_CREAT), symlink, link, unlink, rmdir, rename, chmod, chown, truncate, chroot. */
export function lsmPathOp(state: KernelState, task: Task, req: LsmPathRequest): Check | undefined {
  return apparmorFiles(state, task, (c) => aaPathRequests(c, req)) ?? selinux(state, task, (c) => selinuxPathAsks(c, req));
}

/** security_sb_mount(): AppArmor's docker-default has `deny mount,`. */
export function lsmSbMount(state: KernelState, task: Task, source: string | null, target: string, fstype: string | null, flags: number): Check | undefined {
  const profile = apparmorProfileOf(state, task);
  return apparmor(state, task, (ctx) => apparmorMountCheck(profile, {
    op: "mount", mountpoint: dirName(target), ...(source !== null ? { source } : {}), ...(fstype !== null ? { fstype } : {}), flags,
  }, ctx));
}

/** security_sb_umount(): docker-default allows `umount,`. */
export function lsmSbUmount(state: KernelState, task: Task, target: string): Check | undefined {
  const profile = apparmorProfileOf(state, task);
  return apparmor(state, task, (ctx) => apparmorMountCheck(profile, { op: "umount", mountpoint: dirName(target) }, ctx));
}

/** security_sb_pivotroot(). SIMPLIFICATION: AppArmor's pivot_root rules are not modelled. */
export function lsmSbPivotroot(_state: KernelState, _task: Task, _newRoot: string, _putOld: string): Check | undefined {
  return undefined;
}

/** security_ptrace_access_check(): docker-default traces and reads only its own kind. */
export function lsmPtraceAccess(state: KernelState, task: Task, target: Task, mode: "read" | "attach"): Check | undefined {
  const tracer = apparmorProfileOf(state, task);
  const tracee = apparmorProfileOf(state, target);
  if (state.config.lsm !== "apparmor" || (tracer.mode === "unconfined" && tracee.mode === "unconfined")) return undefined;
  return withAudit(apparmorPtraceCheck(tracer, tracee, mode === "attach" ? "trace" : "read", nextAudit(state, task)));
}
