/**
 * The SELinux label of a file (security/selinux/hooks.c: inode_doinit_with_dentry()), by the
 * filesystem's labelling behaviour: a `context=` mount option labels every file of the mount
 * (SECURITY_FS_USE_MNTPOINT, how Docker and Podman label a container's rootfs and /dev); disk
 * and overlay filesystems read the `security.selinux` xattr (fs_use_xattr); memory
 * filesystems take their type from the policy (fs_use_trans: tmpfs_t, devpts_t), and generated
 * ones from genfscon (proc_t, sysctl_t under /proc/sys, sysfs_t, cgroup_t).
 */
import type { SelinuxObject } from "../security/selinux/check";
import type { SelinuxContext } from "../security/selinux/context";
import { parseContext } from "../security/selinux/context";
import type { SelinuxClass } from "../security/selinux/policy";
import { hostFileContext } from "../security/selinux/policy";
import { fsPath, nodeName } from "./d-path";
import { hostDeviceName } from "./devices";
import { fileTypeOf } from "./mode";
import { getMount } from "./mount-tree";
import type { Attr, FsCtx } from "./node";
import { backingOf } from "./node";
import { getSb } from "./sb-access";
import type { FsType, PathRef, SuperBlock } from "./types";

/** The xattr SELinux keeps a file's context in (XATTR_NAME_SELINUX). */
export const XATTR_SELINUX = "security.selinux";

/** fs_use_trans and genfscon types of Fedora's policy, by filesystem type. */
const FS_TYPE_LABELS: Partial<Record<FsType, string>> = {
  rootfs: "root_t", tmpfs: "tmpfs_t", mqueue: "tmpfs_t", devpts: "devpts_t", hugetlbfs: "hugetlbfs_t",
  proc: "proc_t", sysfs: "sysfs_t", cgroup2: "cgroup_t", cgroup: "cgroup_t", nsfs: "nsfs_t", securityfs: "security_t",
  debugfs: "debugfs_t", tracefs: "tracefs_t", bpf: "bpf_t", pstore: "pstore_t", autofs: "autofs_t", fusectl: "fusefs_t",
  configfs: "configfs_t", binfmt_misc: "binfmt_misc_fs_t",
};

const objectLabel = (type: string): SelinuxContext => parseContext(`system_u:object_r:${type}:s0`) as SelinuxContext;

/** `context="system_u:object_r:container_file_t:s0:c1,c2"` among a superblock's options. */
export function mountContext(sb: SuperBlock): SelinuxContext | undefined {
  const opt = sb.options.find((o) => o.startsWith("context="));
  return opt === undefined ? undefined : parseContext(opt.slice("context=".length).replace(/^"(.*)"$/, "$1"));
}

/** genfscon for proc: `/sys` is sysctl_t (and so is /sysrq-trigger), /kcore and /kmsg have their own types. */
function procLabel(path: string): SelinuxContext {
  if (path === "/sysrq-trigger" || path === "/sys" || path.startsWith("/sys/")) return objectLabel("sysctl_t");
  if (path === "/kcore") return objectLabel("proc_kcore_t");
  if (path === "/kmsg") return objectLabel("proc_kmsg_t");
  return objectLabel("proc_t");
}

/**
 * The context of the file at `p`.
 * SIMPLIFICATION: a disk or overlay file without a security.selinux xattr gets the label
 * file_contexts gives its path from the filesystem's root, as if `restorecon -R /` had run
 * (Linux would show it unlabeled); devtmpfs nodes are labelled the same way (udev's work); a
 * new file on a memory filesystem gets the filesystem's type (no type_transition rules).
 */
export function inodeLabel(c: FsCtx, p: PathRef): SelinuxContext {
  const sb = getSb(c.state, getMount(c.state, p.mnt).sb);
  const mounted = mountContext(sb);
  if (mounted) return mounted;
  const b = backingOf(c, sb.id, p.node);
  const xattr = b?.kind === "inode" ? b.inode.xattrs?.[XATTR_SELINUX] : undefined;
  const stored = xattr === undefined ? undefined : parseContext(xattr.replace(/\0$/, ""));
  if (stored) return stored;
  if (sb.fstype === "ext4" || sb.fstype === "overlay") return hostFileContext(fsPath(c, sb.id, p.node));
  if (sb.fstype === "devtmpfs") return hostFileContext(`/dev${fsPath(c, sb.id, p.node)}`.replace(/\/$/, ""));
  if (sb.fstype === "proc") return procLabel(fsPath(c, sb.id, p.node));
  return objectLabel(FS_TYPE_LABELS[sb.fstype] ?? "unlabeled_t");
}

const TCLASS: Readonly<Record<ReturnType<typeof fileTypeOf>, SelinuxClass>> = {
  reg: "file", dir: "dir", lnk: "lnk_file", chr: "chr_file", blk: "blk_file", sock: "sock_file", fifo: "fifo_file",
};

/** The object class of an inode with `mode` (inode_mode_to_security_class()). */
export const tclassOf = (mode: number): SelinuxClass => TCLASS[fileTypeOf(mode)];

/** The superblock's s_id, printed as `dev=`: the block device (`sda1`), else the filesystem type. */
export function sbIdName(sb: SuperBlock): string {
  const name = sb.bdev ? hostDeviceName("blk", sb.bdev) : undefined;
  return name ?? (sb.fstype === "ext4" ? `${sb.dev.major}:${sb.dev.minor}` : sb.fstype);
}

/** An existing file as an AVC record describes it: `name="passwd" dev="sda1" ino=…`. */
export function selinuxObject(c: FsCtx, p: PathRef, attr: Attr): SelinuxObject {
  const sb = getSb(c.state, getMount(c.state, p.mnt).sb);
  const name = nodeName(c.state, sb.id, p.node);
  return { label: inodeLabel(c, p), tclass: tclassOf(attr.mode), name: name === "" ? "/" : name, dev: sbIdName(sb), ino: attr.ino };
}
