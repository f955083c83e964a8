/**
 * vfs_get_tree(): the superblock a new mount uses. Memory filesystems get a fresh one per
 * mount; sysfs one per network namespace; cgroup2, devtmpfs and the kernel's single-instance
 * filesystems always the same one; ext4 the one on its block device (lookup_bdev(): the source
 * must be a block device node — ENOTBLK — on a mount that allows devices — EACCES).
 */
import type { Result } from "../../lib";
import { err, ok } from "../../lib";
import { cgroupPath } from "../cgroup";
import type { Errno } from "../errno";
import type { NsId } from "../ids";
import { kgid, kuid } from "../ids";
import type { KernelState } from "../state";
import { getNs } from "../state";
import type { Check } from "../trace";
import { deny, pass } from "../trace";
import { realtimeNow } from "./clock";
import type { FsOptions } from "./fs-options";
import { buildStore } from "./host-tree/build";
import { devText, fileTypeOf } from "./mode";
import { getMount } from "./mount-tree";
import { resolvePath } from "./namei";
import type { FsCtx } from "./node";
import type { OverlayConfig } from "./types";
import { emptyStore } from "./store";
import { newSb } from "./superblock";
import type { FsType, NodeKey, SbBacking, SbId, SuperBlock } from "./types";

export type Tree = { readonly state: KernelState; readonly sb: SbId; readonly root: NodeKey; readonly checks: readonly Check[] };
export type TreeFail = { readonly errno: Errno; readonly checks: readonly Check[] };

const refuse = (check: Check, before: readonly Check[] = []): Result<Tree, TreeFail> => err({ errno: check.errno ?? "EINVAL", checks: [...before, check] });

/** Filesystems with one superblock for the whole kernel (get_tree_single()). */
const SINGLE: readonly FsType[] = ["devtmpfs", "securityfs", "debugfs", "tracefs", "configfs", "fusectl", "pstore", "cgroup2"];

function existing(state: KernelState, fstype: FsType, scope?: NsId): SuperBlock | undefined {
  for (const sb of state.vfs.supers.values()) {
    if (sb.fstype !== fstype) continue;
    if (scope === undefined || (sb.backing.kind === "synthetic" && sb.backing.scope === scope)) return sb;
  }
  return undefined;
}

function fresh(c: FsCtx, fstype: FsType, o: FsOptions, readOnly: boolean, backing: SbBacking): Tree {
  const [vfs, sb] = newSb(c.state.vfs, { fstype, userNs: c.task.cred.userNs, options: o.shown, readOnly, backing });
  const root = sb.backing.kind === "store" ? sb.backing.store.rootIno : "";
  return { state: { ...c.state, vfs }, sb: sb.id, root, checks: [pass("kernel", "vfs_get_tree", `new ${fstype} superblock ${devText(sb.dev)}`)] };
}

/** SIMPLIFICATION: every mqueue mount is a new instance (Linux keeps one per IPC namespace). */
function storeFor(c: FsCtx, fstype: FsType, o: FsOptions): SbBacking {
  const time = realtimeNow(c.state);
  const mode = o.rootMode ?? (fstype === "mqueue" ? 0o1777 : 0o755);
  const store = emptyStore({ mode, uid: kuid(o.uid ?? 0), gid: kgid(o.gid ?? 0), time });
  if (fstype !== "devpts") return { kind: "store", store };
  const ptmx = { path: "/ptmx", type: "chr" as const, mode: o.ptmxMode ?? 0, uid: 0, gid: 0, rdev: { major: 5, minor: 2 } };
  return { kind: "store", store: buildStore(store, [ptmx], time) };
}

/** The superblock on a block device named by `source`. */
function bdevTree(c: FsCtx, source: string | null, readOnly: boolean): Result<Tree, TreeFail> {
  if (!source) return refuse(deny("kernel", "get_tree_bdev", "ext4 needs a block device as its source", "EINVAL"));
  const r = resolvePath(c, c.task.cwd, source, { follow: true });
  if (!r.ok) return err({ errno: r.errno, checks: r.checks });
  if (fileTypeOf(r.attr.mode) !== "blk") return refuse(deny("kernel", "lookup_bdev", `${source} is not a block device`, "ENOTBLK"), r.checks);
  if (getMount(c.state, r.path.mnt).flags.nodev) return refuse(deny("kernel", "lookup_bdev", `${source} is on a nodev mount`, "EACCES"), r.checks);
  const id = c.state.vfs.blockDevices.get(devText(r.attr.rdev));
  const sb = id === undefined ? undefined : c.state.vfs.supers.get(id);
  if (!sb) return refuse(deny("kernel", "ext4_fill_super", `no ext4 filesystem on ${source} (${devText(r.attr.rdev)})`, "EINVAL"), r.checks);
  if (sb.readOnly !== readOnly && sb.mounts > 0) return refuse(deny("kernel", "get_tree_bdev", `${source} is mounted ${sb.readOnly ? "read-only" : "read-write"} already`, "EBUSY"), r.checks);
  const root = sb.backing.kind === "store" ? sb.backing.store.rootIno : "";
  return ok({ state: c.state, sb: sb.id, root, checks: [...r.checks, pass("kernel", "get_tree_bdev", `${source} (${devText(sb.dev)}) holds an ext4 filesystem`)] });
}

/** The cgroup namespace's root cgroup, as a path key of the cgroup2 filesystem. */
function cgroupRoot(state: KernelState, task: FsCtx["task"]): string {
  const root = getNs(state, task.ns.cgroup, "cgroup").root;
  return cgroupPath(state.cgroup, root).slice(1);
}

export function getTree(c: FsCtx, fstype: FsType, o: FsOptions, readOnly: boolean, source: string | null, overlay: OverlayConfig | null): Result<Tree, TreeFail> {
  if (fstype === "ext4") return bdevTree(c, source, readOnly);
  if (fstype === "overlay" && overlay) return ok(fresh(c, fstype, o, readOnly || overlay.upper === null, { kind: "overlay", overlay }));
  if (fstype === "proc") return ok(fresh(c, fstype, o, readOnly, { kind: "synthetic", scope: c.task.pidNs }));
  if (fstype === "sysfs") {
    const sb = existing(c.state, "sysfs", c.task.ns.net);
    return ok(sb ? { state: c.state, sb: sb.id, root: "", checks: [] } : fresh(c, fstype, o, readOnly, { kind: "synthetic", scope: c.task.ns.net }));
  }
  if (SINGLE.includes(fstype)) {
    const sb = existing(c.state, fstype);
    const root = fstype === "cgroup2" ? cgroupRoot(c.state, c.task) : sb?.backing.kind === "store" ? sb.backing.store.rootIno : "";
    if (sb) return ok({ state: c.state, sb: sb.id, root, checks: [pass("kernel", "get_tree_single", `the kernel's ${fstype} instance (${devText(sb.dev)})`)] });
  }
  return ok(fresh(c, fstype, o, readOnly, storeFor(c, fstype, o)));
}
