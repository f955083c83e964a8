/**
 * A small type-enforcement policy in the spirit of Fedora's targeted policy with
 * container-selinux (container.te): which domain may do what to which file type.
 * SIMPLIFICATION: a few dozen of the policy's many thousand rules — container_t gets its own
 * files, read-only image content, /proc and /sys reads and its pty; every other host type is
 * refused. Unconfined domains (unconfined_t, spc_t, the runtime, init, kernel) may do anything.
 */
import type { SelinuxContext } from "./context";
import { parseContext } from "./context";

export type SelinuxClass = "file" | "dir" | "lnk_file" | "chr_file" | "blk_file" | "sock_file" | "fifo_file";

/**
 * File permissions in the order the kernel prints them in `{ … }` (security/selinux/include/
 * classmap.h: COMMON_FILE_PERMS, then file's and dir's own permissions).
 */
export const SELINUX_PERMS = [
  "ioctl", "read", "write", "create", "getattr", "setattr", "lock", "relabelfrom", "relabelto", "append", "map",
  "unlink", "link", "rename", "execute", "quotaon", "mounton", "audit_access", "open", "execmod", "watch",
  "execute_no_trans", "entrypoint", "add_name", "remove_name", "reparent", "search", "rmdir",
] as const;
export type SelinuxPerm = (typeof SELINUX_PERMS)[number];

// SIMPLIFICATION: a rule grants its permissions on every file class at once (real rules name
// classes: file, dir, lnk_file, …), and there are no dontaudit or auditallow rules.
export interface TeRule {
  readonly source: string;
  readonly target: string;
  /** The permissions granted on every file class; "*" for all. */
  readonly perms: readonly SelinuxPerm[] | "*";
  /** How the policy source says it, for traces. */
  readonly text: string;
}

/**
 * The permissions a VFS access mask (MAY_EXEC 1, MAY_WRITE 2, MAY_READ 4, MAY_APPEND 8) asks
 * for (security/selinux/hooks.c: file_mask_to_av()): on a directory exec means `search`; on a
 * file, append replaces write.
 */
export function selinuxPermsFromMask(mask: number, isDir: boolean): readonly SelinuxPerm[] {
  const perms: SelinuxPerm[] = [];
  if (mask & 1) perms.push(isDir ? "search" : "execute");
  if (mask & 4) perms.push("read");
  if (isDir ? mask & 2 : mask & 8) perms.push(isDir ? "write" : "append");
  else if (!isDir && mask & 2) perms.push("write");
  return perms;
}

/** Domains with the `unconfined_domain_type` attribute in this model. */
export const UNCONFINED_DOMAINS: readonly string[] = ["unconfined_t", "spc_t", "container_runtime_t", "init_t", "kernel_t"];

/** Domains under the MCS constraint (`mcs_constrained_type`): their categories must dominate the file's. */
export const MCS_CONSTRAINED: readonly string[] = ["container_t"];

const READ_EXEC: readonly SelinuxPerm[] = ["ioctl", "read", "getattr", "lock", "map", "execute", "open", "execute_no_trans", "search"];
const RW: readonly SelinuxPerm[] = [...READ_EXEC, "write", "append", "setattr"];

export const TE_RULES: readonly TeRule[] = [
  { source: "container_t", target: "container_file_t", perms: "*", text: "manage_files_pattern(container_t, container_file_t, container_file_t)" },
  { source: "container_t", target: "container_ro_file_t", perms: READ_EXEC, text: "read_files_pattern(container_t, container_ro_file_t, container_ro_file_t)" },
  { source: "container_t", target: "container_share_t", perms: READ_EXEC, text: "read_files_pattern(container_t, container_share_t, container_share_t)" },
  { source: "container_t", target: "container_devpts_t", perms: RW, text: "term_use_generic_ptys(container_t)" },
  { source: "container_t", target: "proc_t", perms: READ_EXEC, text: "kernel_read_system_state(container_t)" },
  { source: "container_t", target: "sysctl_t", perms: READ_EXEC, text: "kernel_read_all_sysctls(container_t)" },
  { source: "container_t", target: "sysfs_t", perms: READ_EXEC, text: "dev_read_sysfs(container_t)" },
  { source: "container_t", target: "cgroup_t", perms: READ_EXEC, text: "fs_read_cgroup_files(container_t)" },
];

/** The rule granting `source` every permission in `perms` on `target`, if any. */
export function teAllows(source: string, target: string, perms: readonly SelinuxPerm[]): TeRule | undefined {
  if (UNCONFINED_DOMAINS.includes(source)) {
    return { source, target, perms: "*", text: `unconfined_domain(${source})` };
  }
  return TE_RULES.find((r) => r.source === source && r.target === target && (r.perms === "*" || perms.every((p) => (r.perms as readonly SelinuxPerm[]).includes(p))));
}

/**
 * Labels of host files, like file_contexts on Fedora (`matchpathcon`, `ls -Z`). First match wins.
 * SIMPLIFICATION: a short table; real file_contexts has thousands of regexes and prefers the
 * most specific one.
 */
const FILE_CONTEXTS: readonly (readonly [RegExp, string])[] = [
  [/^\/etc\/shadow$|^\/etc\/gshadow$/, "system_u:object_r:shadow_t:s0"],
  [/^\/etc\/passwd$|^\/etc\/group$/, "system_u:object_r:passwd_file_t:s0"],
  [/^\/etc(\/|$)/, "system_u:object_r:etc_t:s0"],
  [/^\/root(\/|$)/, "system_u:object_r:admin_home_t:s0"],
  [/^\/home$/, "system_u:object_r:home_root_t:s0"],
  [/^\/home\/[^/]+$/, "unconfined_u:object_r:user_home_dir_t:s0"],
  [/^\/home\/[^/]+\//, "unconfined_u:object_r:user_home_t:s0"],
  [/^\/var\/lib\/(docker|containers)(\/|$)/, "system_u:object_r:container_var_lib_t:s0"],
  [/^\/var\/lib(\/|$)/, "system_u:object_r:var_lib_t:s0"],
  [/^\/usr\/(s?bin)\/(runc|crun|dockerd|containerd|podman|docker)$/, "system_u:object_r:container_runtime_exec_t:s0"],
  [/^\/usr\/s?bin(\/|$)|^\/s?bin$/, "system_u:object_r:bin_t:s0"],
  [/^\/usr\/lib(64)?(\/|$)|^\/lib(64)?$/, "system_u:object_r:lib_t:s0"],
  [/^\/usr(\/|$)/, "system_u:object_r:usr_t:s0"],
  [/^\/tmp(\/|$)/, "system_u:object_r:tmp_t:s0"],
  [/^\/dev\/(null|full)$/, "system_u:object_r:null_device_t:s0"],
  [/^\/dev\/zero$/, "system_u:object_r:zero_device_t:s0"],
  [/^\/dev\/random$/, "system_u:object_r:random_device_t:s0"],
  [/^\/dev\/urandom$/, "system_u:object_r:urandom_device_t:s0"],
  [/^\/dev\/(mem|kmem|port)$/, "system_u:object_r:memory_device_t:s0"],
  [/^\/dev\/kmsg$/, "system_u:object_r:kmsg_device_t:s0"],
  [/^\/dev\/kvm$/, "system_u:object_r:kvm_device_t:s0"],
  [/^\/dev\/(sd|vd|nvme)[^/]*$|^\/dev\/loop[0-9]+$/, "system_u:object_r:fixed_disk_device_t:s0"],
  [/^\/dev\/tty$/, "system_u:object_r:devtty_t:s0"],
  [/^\/dev\/tty[0-9]+$/, "system_u:object_r:tty_device_t:s0"],
  [/^\/dev\/console$/, "system_u:object_r:console_device_t:s0"],
  [/^\/dev\/ptmx$/, "system_u:object_r:ptmx_t:s0"],
  [/^\/dev(\/|$)/, "system_u:object_r:device_t:s0"],
  [/^\/proc\/sys(\/|$)/, "system_u:object_r:sysctl_t:s0"],
  [/^\/proc(\/|$)/, "system_u:object_r:proc_t:s0"],
  [/^\/sys\/fs\/cgroup(\/|$)/, "system_u:object_r:cgroup_t:s0"],
  [/^\/sys(\/|$)/, "system_u:object_r:sysfs_t:s0"],
  [/^\/$/, "system_u:object_r:root_t:s0"],
  [/./, "system_u:object_r:default_t:s0"],
];

/** The label a host path gets on a freshly relabelled Fedora host. */
export function hostFileContext(path: string): SelinuxContext {
  const text = FILE_CONTEXTS.find(([re]) => re.test(path))?.[1] ?? "system_u:object_r:default_t:s0";
  return parseContext(text) as SelinuxContext;
}
