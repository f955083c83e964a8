/**
 * The VFS of a freshly booted host: the root filesystem on /dev/sda1 built from the host
 * description, the memory filesystems systemd mounts, the generated ones, and the mount table
 * of the initial mount namespace.
 */
import { Map as IMap, OrderedSet } from "immutable";
import type { NsId } from "../../ids";
import { kgid, kuid } from "../../ids";
import type { KernelConfig } from "../../state";
import { rootUuid } from "../../procfs/kernel-info";
import { BOOT_REALTIME_SEC, timespecAt } from "../clock";
import { hostDevEntries } from "../devices";
import { buildStore } from "../host-tree/build";
import type { HostEntry } from "../host-tree/entry";
import { ubuntuRootFs } from "../host-tree/ubuntu-root";
import { ubuntuRun } from "../host-tree/ubuntu-run";
import { devNum } from "../mode";
import { hashMount } from "../mount-tree";
import { emptyStore, childOf } from "../store";
import { DEFAULT_MNT_FLAGS, newMount, newSb, parseMntFlags } from "../superblock";
import type { FsType, MountId, NodeKey, PathRef, SbBacking, SuperBlock, VfsState } from "../types";
import { mountId } from "../types";
import type { HostMount } from "./host-mounts";
import { HOST_MOUNTS, NEXT_ANON_MINOR, NEXT_GROUP, NSFS_MOUNT_ID, PIPEFS_MOUNT_ID, ROOTFS_MOUNT_ID, ROOT_MOUNT_ID, fillOptions } from "./host-mounts";

export interface InitNamespaces {
  readonly user: NsId;
  readonly mnt: NsId;
  readonly pid: NsId;
  readonly net: NsId;
  readonly cgroup: NsId;
}

/** When the host's packages were installed: the mtime of its files. */
const INSTALL_TIME = timespecAt(1_760_000_000);
const BOOT_TIME = timespecAt(BOOT_REALTIME_SEC);

/** `/` of every task in the initial mount namespace. */
export const HOST_ROOT: PathRef = { mnt: mountId(ROOT_MOUNT_ID), node: 2 };

const root = { uid: kuid(0), gid: kgid(0) };

/** The entries of the root filesystem, from the hostname and the filesystem's UUID. */
export type RootFsBuilder = (hostname: string, uuid: string) => HostEntry[];

/** Contents and root mode of each stored filesystem of the boot table. */
function storedBacking(m: HostMount, hostname: string, config: KernelConfig, rootFs: RootFsBuilder): SbBacking | undefined {
  const build = (mode: number, entries: readonly HostEntry[], time = BOOT_TIME, rootIno = 1): SbBacking =>
    ({ kind: "store", store: buildStore(emptyStore({ mode, ...root, time }, rootIno), entries, time) });
  switch (m.fstype) {
    case "ext4": return build(0o755, rootFs(hostname, rootUuid(config)), INSTALL_TIME, 2);
    case "devtmpfs": return build(0o755, hostDevEntries());
    case "devpts": return build(0o755, [{ path: "/ptmx", type: "chr", mode: 0, uid: 0, gid: 0, rdev: devNum(5, 2) }]);
    case "tmpfs": return build(m.path === "/run" ? 0o755 : m.path === "/run/user/0" ? 0o700 : 0o1777, m.path === "/run" ? ubuntuRun() : []);
    case "mqueue": return build(0o1777, []);
    case "bpf":
    case "debugfs": return build(0o700, []);
    case "proc":
    case "sysfs":
    case "cgroup2": return undefined;
    default: return build(0o755, []);
  }
}

function scopeOf(fstype: FsType, ns: InitNamespaces): NsId | null {
  if (fstype === "proc") return ns.pid;
  if (fstype === "sysfs") return ns.net;
  if (fstype === "cgroup2") return ns.cgroup;
  return null;
}

/** The node `at` names below a superblock's root. */
function nodeAt(sb: SuperBlock, at: string): NodeKey {
  if (sb.backing.kind !== "store") return at;
  let node = sb.backing.store.rootIno;
  for (const name of at.split("/").filter((p) => p !== "")) {
    const next = childOf(sb.backing.store, node, name);
    if (next === undefined) throw new Error(`kernel invariant: boot mountpoint ${at} missing`);
    node = next;
  }
  return node;
}

function emptyVfs(): VfsState {
  return {
    supers: IMap(), nextSb: 1, anonDevs: { next: NEXT_ANON_MINOR, free: [] }, mounts: IMap(),
    mountIds: { next: 43, free: [] }, mountpoints: IMap(), namespaces: IMap(), nextGroup: NEXT_GROUP,
    files: IMap(), nextFile: 1, blockDevices: IMap(), nsfsMount: mountId(NSFS_MOUNT_ID),
    pipefsMount: mountId(PIPEFS_MOUNT_ID), pipes: IMap(), nextPipe: 1,
  };
}

/** The initial VFS: every boot mount attached in the initial mount namespace. */
export function bootVfs(config: KernelConfig, hostname: string, ns: InitNamespaces, rootFs: RootFsBuilder = ubuntuRootFs): VfsState {
  let vfs = emptyVfs();
  const [v1, rootfs] = newSb(vfs, { fstype: "rootfs", userNs: ns.user, dev: devNum(0, 2), backing: { kind: "store", store: emptyStore({ mode: 0o755, ...root, time: BOOT_TIME }) } });
  const [v2, nsfs] = newSb(v1, { fstype: "nsfs", userNs: ns.user, dev: devNum(0, 4), backing: { kind: "synthetic", scope: null } });
  const [v3, rootMnt] = newMount(v2, { id: ROOTFS_MOUNT_ID, ns: ns.mnt, parent: null, mountpoint: 1, sb: rootfs.id, root: 1, devname: "rootfs", flags: DEFAULT_MNT_FLAGS });
  const [v4, nsfsMnt] = newMount(v3, { id: NSFS_MOUNT_ID, ns: null, parent: null, mountpoint: "", sb: nsfs.id, root: "", devname: "nsfs", flags: DEFAULT_MNT_FLAGS });
  const [v5, pipefs] = newSb(v4, { fstype: "pipefs", userNs: ns.user, dev: devNum(0, 14), backing: { kind: "synthetic", scope: null } });
  const [v6, pipefsMnt] = newMount(v5, { id: PIPEFS_MOUNT_ID, ns: null, parent: null, mountpoint: "", sb: pipefs.id, root: "", devname: "pipefs", flags: DEFAULT_MNT_FLAGS });
  vfs = { ...v6, namespaces: v6.namespaces.set(ns.mnt, { root: rootMnt.id, mounts: OrderedSet<MountId>() }) };
  vfs = hashMount(hashMount(hashMount(vfs, rootMnt), nsfsMnt), pipefsMnt);
  const sbOf = new Map<number, SuperBlock>([[ROOTFS_MOUNT_ID, rootfs]]);
  for (const m of [...HOST_MOUNTS].sort((a, b) => depth(a) - depth(b))) {
    const isDisk = m.fstype === "ext4";
    const [v, sb] = newSb(vfs, {
      fstype: m.fstype, userNs: ns.user, options: fillOptions(m.options, config.memTotalKb),
      backing: storedBacking(m, hostname, config, rootFs) ?? { kind: "synthetic", scope: scopeOf(m.fstype, ns) },
      ...(isDisk ? { dev: devNum(8, 1), bdev: devNum(8, 1) } : { dev: devNum(0, m.minor) }),
    });
    vfs = isDisk ? { ...v, blockDevices: v.blockDevices.set("8:1", sb.id) } : v;
    sbOf.set(m.id, sb);
  }
  for (const m of HOST_MOUNTS) {
    const sb = sbOf.get(m.id) as SuperBlock;
    const parentSb = sbOf.get(m.parent) as SuperBlock;
    const [v, mount] = newMount(vfs, {
      id: m.id, ns: ns.mnt, parent: mountId(m.parent), mountpoint: nodeAt(parentSb, m.at), sb: sb.id,
      root: sb.backing.kind === "store" ? sb.backing.store.rootIno : "", devname: m.source, flags: parseMntFlags(m.flags), shared: m.shared,
    });
    vfs = hashMount(v, mount);
  }
  return vfs;
}

const depth = (m: HostMount): number => (m.path === "/" ? 0 : m.path.split("/").length);
