/**
 * The host's mount table after boot, as an Ubuntu 24.04 server shows it: the initramfs mounts
 * /sys, /proc, /dev, /dev/pts and /run and moves them onto the root filesystem, then systemd
 * mounts the rest and makes every mount shared ("systemd … makes all mounts shared by default"
 * — mount_namespaces(7)), each in its own peer group.
 * Ids, peer groups and anonymous device minors are those of a real boot.
 */
import type { FsType } from "../types";

export interface HostMount {
  readonly id: number;
  readonly parent: number;
  /** The mountpoint, relative to the parent mount's root. */
  readonly at: string;
  readonly path: string;
  readonly fstype: FsType;
  readonly source: string;
  readonly flags: string;
  readonly shared: number;
  /** Anonymous device minor (0:N); the root filesystem uses its block device. */
  readonly minor: number;
  /** What show_options() prints; `%RAM`/`%RUN` are filled in from the machine's memory. */
  readonly options: readonly string[];
}

const SYSFS_FLAGS = "rw,nosuid,nodev,noexec,relatime";

export const ROOTFS_MOUNT_ID = 1;
export const ROOT_MOUNT_ID = 29;
export const NSFS_MOUNT_ID = 4;
export const PIPEFS_MOUNT_ID = 13;

export const HOST_MOUNTS: readonly HostMount[] = [
  { id: 22, parent: 29, at: "sys", path: "/sys", fstype: "sysfs", source: "sysfs", flags: SYSFS_FLAGS, shared: 7, minor: 21, options: [] },
  { id: 23, parent: 29, at: "proc", path: "/proc", fstype: "proc", source: "proc", flags: SYSFS_FLAGS, shared: 13, minor: 22, options: [] },
  { id: 24, parent: 29, at: "dev", path: "/dev", fstype: "devtmpfs", source: "udev", flags: "rw,nosuid,relatime", shared: 2, minor: 5, options: ["size=%HALF", "nr_inodes=%HALF_INODES", "mode=755"] },
  { id: 25, parent: 24, at: "pts", path: "/dev/pts", fstype: "devpts", source: "devpts", flags: "rw,nosuid,noexec,relatime", shared: 3, minor: 23, options: ["gid=5", "mode=620", "ptmxmode=000"] },
  { id: 26, parent: 29, at: "run", path: "/run", fstype: "tmpfs", source: "tmpfs", flags: "rw,nosuid,nodev,noexec,relatime", shared: 5, minor: 24, options: ["size=%TENTH", "mode=755"] },
  { id: 29, parent: 1, at: "", path: "/", fstype: "ext4", source: "/dev/sda1", flags: "rw,relatime", shared: 1, minor: -1, options: ["errors=remount-ro"] },
  { id: 27, parent: 22, at: "kernel/security", path: "/sys/kernel/security", fstype: "securityfs", source: "securityfs", flags: SYSFS_FLAGS, shared: 8, minor: 6, options: [] },
  { id: 28, parent: 24, at: "shm", path: "/dev/shm", fstype: "tmpfs", source: "tmpfs", flags: "rw,nosuid,nodev", shared: 4, minor: 25, options: [] },
  { id: 30, parent: 26, at: "lock", path: "/run/lock", fstype: "tmpfs", source: "tmpfs", flags: "rw,nosuid,nodev,noexec,relatime", shared: 6, minor: 26, options: ["size=5120k"] },
  { id: 31, parent: 22, at: "fs/cgroup", path: "/sys/fs/cgroup", fstype: "cgroup2", source: "cgroup2", flags: SYSFS_FLAGS, shared: 9, minor: 27, options: ["nsdelegate", "memory_recursiveprot"] },
  { id: 32, parent: 22, at: "fs/pstore", path: "/sys/fs/pstore", fstype: "pstore", source: "pstore", flags: SYSFS_FLAGS, shared: 10, minor: 28, options: [] },
  { id: 33, parent: 22, at: "fs/bpf", path: "/sys/fs/bpf", fstype: "bpf", source: "bpf", flags: SYSFS_FLAGS, shared: 11, minor: 29, options: ["mode=700"] },
  { id: 34, parent: 23, at: "sys/fs/binfmt_misc", path: "/proc/sys/fs/binfmt_misc", fstype: "autofs", source: "systemd-1", flags: "rw,relatime", shared: 12, minor: 30, options: ["fd=32", "pgrp=1", "timeout=0", "minproto=5", "maxproto=5", "direct", "pipe_ino=2089"] },
  { id: 35, parent: 24, at: "mqueue", path: "/dev/mqueue", fstype: "mqueue", source: "mqueue", flags: SYSFS_FLAGS, shared: 14, minor: 20, options: [] },
  { id: 36, parent: 24, at: "hugepages", path: "/dev/hugepages", fstype: "hugetlbfs", source: "hugetlbfs", flags: "rw,nosuid,nodev,relatime", shared: 15, minor: 31, options: ["pagesize=2M"] },
  { id: 37, parent: 22, at: "kernel/debug", path: "/sys/kernel/debug", fstype: "debugfs", source: "debugfs", flags: SYSFS_FLAGS, shared: 16, minor: 7, options: [] },
  { id: 38, parent: 22, at: "kernel/tracing", path: "/sys/kernel/tracing", fstype: "tracefs", source: "tracefs", flags: SYSFS_FLAGS, shared: 17, minor: 12, options: [] },
  { id: 39, parent: 22, at: "fs/fuse/connections", path: "/sys/fs/fuse/connections", fstype: "fusectl", source: "fusectl", flags: SYSFS_FLAGS, shared: 18, minor: 32, options: [] },
  { id: 40, parent: 22, at: "kernel/config", path: "/sys/kernel/config", fstype: "configfs", source: "configfs", flags: SYSFS_FLAGS, shared: 19, minor: 33, options: [] },
  { id: 41, parent: 34, at: "", path: "/proc/sys/fs/binfmt_misc", fstype: "binfmt_misc", source: "binfmt_misc", flags: SYSFS_FLAGS, shared: 20, minor: 34, options: [] },
  { id: 42, parent: 26, at: "user/0", path: "/run/user/0", fstype: "tmpfs", source: "tmpfs", flags: "rw,nosuid,nodev,relatime", shared: 21, minor: 35, options: ["size=%TENTH_USER", "nr_inodes=%TENTH_INODES", "mode=700"] },
];

/** The first anonymous minor free after boot, and the first peer group. */
export const NEXT_ANON_MINOR = 48;
export const NEXT_GROUP = 22;

/** Fills the size placeholders from the machine's memory (tmpfs sizes are fractions of RAM). */
export function fillOptions(options: readonly string[], memTotalKb: number): string[] {
  const half = Math.floor(memTotalKb / 2);
  const tenth = Math.floor(memTotalKb / 10);
  return options.map((o) =>
    o.replace("%HALF_INODES", String(Math.floor(half / 4)))
      .replace("%HALF", `${half}k`)
      .replace("%TENTH_INODES", String(Math.floor(tenth / 4)))
      .replace("%TENTH_USER", `${tenth - 4}k`)
      .replace("%TENTH", `${tenth}k`));
}
