/**
 * Filesystem types the kernel knows (`fs/filesystems.c: register_filesystem()`), in the order
 * /proc/filesystems lists them on an Ubuntu 6.x kernel, and the FS_USERNS_MOUNT types a user
 * namespace's root may mount (`fs/super.c: mount_capable()`).
 */
import type { FsType } from "./types";

/** `[nodev, name]`: nodev filesystems need no block device. */
export const FS_REGISTRATION: readonly (readonly [boolean, string])[] = [
  [true, "sysfs"], [true, "tmpfs"], [true, "bdev"], [true, "proc"], [true, "cgroup"], [true, "cgroup2"],
  [true, "cpuset"], [true, "devtmpfs"], [true, "configfs"], [true, "debugfs"], [true, "tracefs"],
  [true, "securityfs"], [true, "sockfs"], [true, "bpf"], [true, "pipefs"], [true, "ramfs"], [true, "hugetlbfs"],
  [true, "devpts"], [false, "ext3"], [false, "ext2"], [false, "ext4"], [false, "squashfs"], [false, "vfat"],
  [true, "ecryptfs"], [false, "fuseblk"], [true, "fuse"], [true, "fusectl"], [true, "efivarfs"], [true, "mqueue"],
  [true, "pstore"], [true, "autofs"], [true, "binfmt_misc"], [true, "overlay"],
];

/** Types mount(2) can create here; any other registered name fails further on, unknown ones with ENODEV. */
export const MOUNTABLE: readonly FsType[] = [
  "ext4", "tmpfs", "devtmpfs", "devpts", "mqueue", "overlay", "proc", "sysfs", "cgroup2", "securityfs",
  "debugfs", "tracefs", "bpf", "hugetlbfs", "pstore", "autofs", "fusectl", "configfs", "binfmt_misc", "cgroup",
];

/** FS_USERNS_MOUNT: mountable with CAP_SYS_ADMIN in the filesystem's user namespace. */
export const USERNS_MOUNT: readonly FsType[] = ["tmpfs", "devpts", "mqueue", "overlay", "proc", "sysfs", "cgroup", "cgroup2", "binfmt_misc"];

/** Filesystems that keep their files in an inode table (the rest are overlay or generated). */
export const STORED: readonly FsType[] = [
  "rootfs", "ext4", "tmpfs", "devtmpfs", "devpts", "mqueue", "securityfs", "debugfs", "tracefs", "bpf",
  "hugetlbfs", "pstore", "autofs", "fusectl", "configfs", "binfmt_misc",
];

/** Filesystems that need a block device as their source. */
export const BLOCK_FS: readonly FsType[] = ["ext4"];
