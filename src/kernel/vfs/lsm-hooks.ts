/**
 * Where the Linux Security Modules hook into the VFS (`security/security.c`): every hook the
 * VFS calls returns a Check when an LSM has something to say, or undefined when the task is
 * unconfined. A denial carries its audit record, which syscall() writes to the kernel log.
 * SIMPLIFICATION: SELinux is not consulted by these hooks yet (the Fedora-like profile's
 * labels exist in src/kernel/security/selinux), and AppArmor mediates mount, umount and
 * ptrace here; file and path rules are not applied on open.
 */
import type { AuditContext } from "../security/audit";
import type { LsmDecision } from "../security/apparmor/decision";
import { apparmorMountCheck, apparmorPtraceCheck } from "../security/apparmor/mediate";
import { apparmorProfileOf } from "../security/lsm";
import type { KernelState } from "../state";
import type { Task } from "../task/task";
import type { Check } from "../trace";

/** The audit context for the next record: serial numbers are taken when syscall() logs them. */
function nextAudit(state: KernelState, task: Task): AuditContext {
  return {
    pid: task.nr[0] ?? task.pid, comm: task.comm,
    stamp: { timeMs: state.config.bootEpochMs + Math.floor(state.nowNs / 1e6), serial: state.lsm.auditSerial + 1 },
  };
}

/** Runs an AppArmor decision for a confined task; unconfined tasks meet no LSM check. */
function apparmor(state: KernelState, task: Task, decide: (ctx: AuditContext) => LsmDecision): Check | undefined {
  if (state.config.lsm !== "apparmor" || apparmorProfileOf(state, task).mode === "unconfined") return undefined;
  const decision = decide(nextAudit(state, task));
  return decision.audit && decision.check.verdict === "deny" ? { ...decision.check, audit: decision.audit } : decision.check;
}

const dirName = (path: string) => (path.endsWith("/") ? path : `${path}/`);

/** security_inode_permission(), security_file_open(): `mask` uses MAY_READ/WRITE/EXEC. */
export function lsmFilePermission(_state: KernelState, _task: Task, _path: string, _mask: number): Check | undefined {
  return undefined;
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
  const decision = apparmorPtraceCheck(tracer, tracee, mode === "attach" ? "trace" : "read", nextAudit(state, task));
  return decision.audit && decision.check.verdict === "deny" ? { ...decision.check, audit: decision.audit } : decision.check;
}

/** security_path_*() for mkdir, mknod, unlink, rmdir, rename, symlink, link, chmod, chown, chroot. */
export function lsmPathOp(_state: KernelState, _task: Task, _op: string, _path: string): Check | undefined {
  return undefined;
}

/**
 * The device cgroup's `devcgroup_inode_permission()` (cgroup v2: a BPF program runc attaches):
 * opening a device node the container was not given fails with EPERM.
 * SIMPLIFICATION: no device filter is consulted yet.
 */
export function deviceCgroupCheck(_state: KernelState, _task: Task, _type: "chr" | "blk", _major: number, _minor: number, _mask: number): Check | undefined {
  return undefined;
}
