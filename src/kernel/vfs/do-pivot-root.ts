/**
 * pivot_root(2) (`fs/namespace.c`): "moves the root mount to the directory put_old and makes
 * new_root the new root mount" of the caller's mount namespace, and moves the root and working
 * directory of every process that used the old root. new_root must be a mount point other
 * than the current root (EINVAL, EBUSY), put_old at or under new_root (EINVAL), and none of
 * the mounts involved shared (EINVAL) — so runc first makes `/` a slave.
 */
import { err, ok } from "../../lib";
import type { KernelState } from "../state";
import type { Check } from "../trace";
import { deny, pass } from "../trace";
import { isBelow } from "./d-path";
import type { Mounted } from "./do-new-mount";
import { getMount, reattach, samePath } from "./mount-tree";
import type { FsCtx } from "./node";
import type { Mount, PathRef } from "./types";

const refuse = (checks: readonly Check[], rule: string, reason: string, errno: "EINVAL" | "EBUSY"): Mounted =>
  err({ errno, checks: [...checks, deny("kernel", rule, reason, errno)] });

function problem(c: FsCtx, newRoot: PathRef, putOld: PathRef, checks: readonly Check[]): Mounted | undefined {
  const root = c.task.root;
  const newMnt = getMount(c.state, newRoot.mnt);
  const rootMnt = getMount(c.state, root.mnt);
  const oldMnt = getMount(c.state, putOld.mnt);
  const shared = [oldMnt, getMount(c.state, newMnt.parent), getMount(c.state, rootMnt.parent)].find((m) => m.shared !== null);
  if (shared) return refuse(checks, "pivot_root: IS_MNT_SHARED", `mount ${shared.id} is shared (shared:${shared.shared}): make it private or a slave first`, "EINVAL");
  if (rootMnt.ns !== c.task.ns.mnt || newMnt.ns !== c.task.ns.mnt) return refuse(checks, "pivot_root: check_mnt", "new_root and the current root must be in the caller's mount namespace", "EINVAL");
  if (newMnt.locked) return refuse(checks, "pivot_root: MNT_LOCKED", "new_root is a locked mount", "EINVAL");
  if (newMnt.id === rootMnt.id || oldMnt.id === rootMnt.id) return refuse(checks, "pivot_root", "new_root or put_old is on the current root mount", "EBUSY");
  if (root.node !== rootMnt.root || rootMnt.parent === rootMnt.id) return refuse(checks, "pivot_root: path_mounted(root)", "the current root is not a mount point (a chroot)", "EINVAL");
  if (newRoot.node !== newMnt.root || newMnt.parent === newMnt.id) return refuse(checks, "pivot_root: path_mounted(new)", "new_root is not a mount point", "EINVAL");
  if (!isBelow(c, putOld, newRoot)) return refuse(checks, "pivot_root: is_path_reachable", "put_old is not at or under new_root", "EINVAL");
  if (!isBelow(c, newRoot, root)) return refuse(checks, "pivot_root: is_path_reachable", "new_root is not under the current root", "EINVAL");
  return undefined;
}

/** chroot_fs_refs(): every task whose root or cwd was the old root now uses the new one. */
function chrootFsRefs(state: KernelState, oldRoot: PathRef, newRoot: PathRef): KernelState {
  let tasks = state.tasks;
  for (const t of state.tasks.values()) {
    const root = samePath(t.root, oldRoot) ? newRoot : t.root;
    const cwd = samePath(t.cwd, oldRoot) ? newRoot : t.cwd;
    if (root !== t.root || cwd !== t.cwd) tasks = tasks.set(t.pid, { ...t, root, cwd });
  }
  return { ...state, tasks };
}

export function doPivotRoot(c: FsCtx, newRoot: PathRef, putOld: PathRef, before: readonly Check[]): Mounted {
  const bad = problem(c, newRoot, putOld, before);
  if (bad) return bad;
  const oldRoot = c.task.root;
  const rootMnt: Mount = getMount(c.state, oldRoot.mnt);
  const newMnt: Mount = getMount(c.state, newRoot.mnt);
  const rootParent = rootMnt.parent;
  const rootMp = rootMnt.mountpoint;
  let vfs = c.state.vfs;
  vfs = reattach(vfs, rootMnt, putOld.mnt, putOld.node);
  vfs = reattach(vfs, { ...getMountIn(vfs, newMnt.id), locked: newMnt.locked || rootMnt.locked }, rootParent, rootMp);
  if (rootMnt.locked) vfs = { ...vfs, mounts: vfs.mounts.set(rootMnt.id, { ...getMountIn(vfs, rootMnt.id), locked: false }) };
  const s = chrootFsRefs({ ...c.state, vfs }, oldRoot, { mnt: newMnt.id, node: newMnt.root });
  return ok({ state: s, checks: [...before, pass("kernel", "pivot_root", `mount ${newMnt.id} is the new root; the old root (mount ${rootMnt.id}) is under put_old`)] });
}

function getMountIn(vfs: FsCtx["state"]["vfs"], id: Mount["id"]): Mount {
  const m = vfs.mounts.get(id);
  if (!m) throw new Error(`kernel invariant: no mount ${id}`);
  return m;
}
