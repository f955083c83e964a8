/**
 * Where the Linux Security Modules hook into the VFS (`security/security.c`): every hook the
 * VFS calls returns a Check when an LSM has something to say, or undefined when none is active.
 * AppArmor and SELinux (src/kernel/security/) plug in here: each hook dispatches on the kernel's
 * configured LSM and the caller's label. Until those modules exist the hooks pass silently.
 *
 * SIMPLIFICATION: no LSM is consulted yet; the call sites and their order are Linux's.
 */
import type { KernelState } from "../state";
import type { Task } from "../task/task";
import type { Check } from "../trace";

/** security_inode_permission(), security_file_open(): `mask` uses MAY_READ/WRITE/EXEC. */
export function lsmFilePermission(_state: KernelState, _task: Task, _path: string, _mask: number): Check | undefined {
  return undefined;
}

/** security_sb_mount(): AppArmor's docker-default denies every mount. */
export function lsmSbMount(_state: KernelState, _task: Task, _source: string | null, _target: string, _fstype: string | null, _flags: number): Check | undefined {
  return undefined;
}

/** security_sb_umount(), security_sb_pivotroot(). */
export function lsmSbUmount(_state: KernelState, _task: Task, _target: string): Check | undefined {
  return undefined;
}

export function lsmSbPivotroot(_state: KernelState, _task: Task, _newRoot: string, _putOld: string): Check | undefined {
  return undefined;
}

/** security_ptrace_access_check(): AppArmor allows ptrace only within the same profile. */
export function lsmPtraceAccess(_state: KernelState, _task: Task, _target: Task, _mode: "read" | "attach"): Check | undefined {
  return undefined;
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
