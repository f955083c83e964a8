/**
 * The VFS's state: superblocks (each with its own inode table or a generator), mounts keyed by
 * mount id, each mount namespace's mount list, and the open file descriptions. Every table is
 * a persistent map, so a syscall that touches one inode shares everything else.
 */
import type { Map as IMap, OrderedSet } from "immutable";
import type { Brand } from "../../lib";
import type { Kgid, Kuid, NsId } from "../ids";
import type { DevNum } from "./mode";
import type { Pipe } from "./pipe";

export type MountId = Brand<number, "MountId">;
export type SbId = Brand<number, "SbId">;
export type FileId = Brand<number, "FileId">;

export const mountId = (n: number) => n as MountId;
export const sbId = (n: number) => n as SbId;
export const fileId = (n: number) => n as FileId;

/**
 * A node inside one superblock: an inode number for filesystems that store inodes, a path
 * relative to the filesystem root ("" is the root) for overlayfs and generated filesystems.
 */
export type NodeKey = number | string;

/** `struct path`: a mount and a node in it. Tasks' root and cwd are PathRefs. */
export interface PathRef {
  readonly mnt: MountId;
  readonly node: NodeKey;
}

/** `struct timespec64`: seconds and nanoseconds of CLOCK_REALTIME. */
export interface Timespec {
  readonly sec: number;
  readonly nsec: number;
}

export type InodeData =
  | { readonly kind: "dir"; readonly entries: IMap<string, number> }
  | { readonly kind: "text"; readonly text: string }
  /** A binary the userland implements: `execve` maps `program` to its command. */
  | { readonly kind: "program"; readonly program: string; readonly size: number }
  | { readonly kind: "symlink"; readonly target: string }
  | { readonly kind: "device"; readonly rdev: DevNum }
  /** A FIFO or a socket inode: a name in the tree, its data lives elsewhere. */
  | { readonly kind: "special" };

export interface Inode {
  readonly ino: number;
  /** File type and permission bits, as st_mode. */
  readonly mode: number;
  readonly uid: Kuid;
  readonly gid: Kgid;
  readonly nlink: number;
  /** The directory holding the first link and its name there: what d_path() walks up. */
  readonly parent: number;
  readonly name: string;
  readonly atime: Timespec;
  readonly mtime: Timespec;
  readonly ctime: Timespec;
  readonly data: InodeData;
  /** Extended attributes (overlayfs keeps `trusted.overlay.opaque` here). */
  readonly xattrs: Readonly<Record<string, string>> | null;
}

export interface InodeStore {
  readonly inodes: IMap<number, Inode>;
  readonly nextIno: number;
  readonly rootIno: number;
}

export const FS_TYPES = [
  "rootfs", "ext4", "tmpfs", "devtmpfs", "devpts", "mqueue", "overlay", "proc", "sysfs", "cgroup2",
  "nsfs", "securityfs", "debugfs", "tracefs", "bpf", "hugetlbfs", "pstore", "autofs", "fusectl",
  "configfs", "binfmt_misc", "cgroup", "pipefs",
] as const;
export type FsType = (typeof FS_TYPES)[number];

/** One layer of an overlay: a directory of a filesystem that stores inodes. */
export interface OverlayLayer {
  readonly sb: SbId;
  readonly ino: number;
}

export interface OverlayConfig {
  /** Top to bottom, as `lowerdir=` lists them. */
  readonly lowers: readonly OverlayLayer[];
  /** Without an upper layer the overlay is read-only. */
  readonly upper: OverlayLayer | null;
  readonly work: OverlayLayer | null;
}

export type SbBacking =
  | { readonly kind: "store"; readonly store: InodeStore }
  | { readonly kind: "overlay"; readonly overlay: OverlayConfig }
  /** Generated on read from kernel state; `scope` is the namespace the instance belongs to. */
  | { readonly kind: "synthetic"; readonly scope: NsId | null; readonly hierarchy?: number };

export interface SuperBlock {
  readonly id: SbId;
  readonly fstype: FsType;
  /** `st_dev` of every file in it: the block device, or an anonymous 0:N. */
  readonly dev: DevNum;
  /** SB_RDONLY. */
  readonly readOnly: boolean;
  /** What show_options() prints after `rw`, e.g. `size=65536k`, `mode=755`. */
  readonly options: readonly string[];
  /** `s_user_ns`: the user namespace that mounted it. */
  readonly userNs: NsId;
  readonly backing: SbBacking;
  /** Mounts using it: a memory-backed filesystem is freed with its last mount. */
  readonly mounts: number;
  /** The block device a disk filesystem lives on: it outlives its mounts. */
  readonly bdev: DevNum | null;
}

export type AtimeMode = "relatime" | "noatime" | "strictatime";

/** Per-mount flags (`include/linux/mount.h`: MNT_*). */
export interface MntFlags {
  readonly ro: boolean;
  readonly nosuid: boolean;
  readonly nodev: boolean;
  readonly noexec: boolean;
  readonly atime: AtimeMode;
  readonly nodiratime: boolean;
  readonly nosymfollow: boolean;
}

/** MNT_LOCK_*: flags a less privileged mount namespace may not clear. */
export interface MntLocks {
  readonly ro: boolean;
  readonly nosuid: boolean;
  readonly nodev: boolean;
  readonly noexec: boolean;
  readonly atime: boolean;
}

export interface Mount {
  readonly id: MountId;
  /** The mount namespace it belongs to; null for internal and detached mounts. */
  readonly ns: NsId | null;
  /** The mount it is attached to (itself for a namespace's root). */
  readonly parent: MountId;
  /** The node of the parent mount's filesystem it covers. */
  readonly mountpoint: NodeKey;
  readonly sb: SbId;
  /** Its root inside the filesystem (a subdirectory or file for bind mounts). */
  readonly root: NodeKey;
  /** The source as given to mount(2): `/dev/sda1`, `tmpfs`, `overlay`. */
  readonly devname: string;
  readonly flags: MntFlags;
  /** MNT_LOCKED: attached in a more privileged namespace, so it may not be unmounted here. */
  readonly locked: boolean;
  readonly locks: MntLocks | null;
  /** Peer group id (`shared:N`), and the peer group this mount receives events from (`master:N`). */
  readonly shared: number | null;
  readonly master: number | null;
  readonly unbindable: boolean;
  /** A bind mount of an nsfs file keeps its namespace alive. */
  readonly heldNs: NsId | null;
}

export interface MntNsVfs {
  /** The namespace's root mount (`ns->root`): rootfs, below what tasks see as `/`. */
  readonly root: MountId;
  /** Its mounts in creation order: the order /proc/PID/mountinfo lists them. */
  readonly mounts: OrderedSet<MountId>;
}

/** `struct file`: an open file description, shared by dup(2) and fork(2). */
export interface OpenFile {
  readonly id: FileId;
  readonly path: PathRef;
  /** open(2) flags after O_CREAT/O_EXCL/O_TRUNC have done their work. */
  readonly flags: number;
  readonly pos: number;
  readonly refs: number;
  /** Generated files: the text at open time, as a seq_file reads it. */
  readonly snapshot: string | null;
  /** An open nsfs file keeps its namespace alive. */
  readonly heldNs: NsId | null;
}

export interface FdEntry {
  readonly file: FileId;
  readonly cloexec: boolean;
}

/** An IDA: the lowest free number first (`lib/idr.c: ida_alloc_min()`). */
export interface IdPool {
  readonly next: number;
  readonly free: readonly number[];
}

export interface VfsState {
  readonly supers: IMap<SbId, SuperBlock>;
  readonly nextSb: number;
  /** Minor numbers of anonymous devices 0:N (`fs/super.c: get_anon_bdev()`). */
  readonly anonDevs: IdPool;
  readonly mounts: IMap<MountId, Mount>;
  readonly mountIds: IdPool;
  /** The mount hash: (parent mount, node) → the mount attached there. */
  readonly mountpoints: IMap<MountId, IMap<NodeKey, MountId>>;
  readonly namespaces: IMap<NsId, MntNsVfs>;
  /** Next peer group id (`mnt_group_id`). */
  readonly nextGroup: number;
  readonly files: IMap<FileId, OpenFile>;
  readonly nextFile: number;
  /** Disk filesystems by the block device (`8:1`) that holds them. */
  readonly blockDevices: IMap<string, SbId>;
  /** The internal nsfs mount /proc/PID/ns/* links lead to. */
  readonly nsfsMount: MountId;
  /** The internal pipefs mount every pipe's two ends live on. */
  readonly pipefsMount: MountId;
  readonly pipes: IMap<number, Pipe>;
  readonly nextPipe: number;
}
