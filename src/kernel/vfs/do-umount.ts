/**
 * umount2(2) (`fs/namespace.c: path_umount()`, `do_umount()`, `umount_tree()`): the path must
 * be the root of a mount in the caller's namespace (EINVAL), not one a more privileged
 * namespace locked (EINVAL); a mount still in use — mounts below it, a process's root or
 * working directory in it, an open file — is EBUSY unless MNT_DETACH ("lazy unmount") takes
 * it out of the tree at once. Under a shared parent, the peers' copies go too.
 */
import { err, ok } from "../../lib";
import { findHierarchy, umountCgroupV1 } from "../cgroup";
import type { NsId } from "../ids";
import { putNsRef } from "../ns/ns-ops";
import type { KernelState } from "../state";
import type { Check } from "../trace";
import { deny, pass } from "../trace";
import type { Mounted } from "./do-new-mount";
import { MNT_DETACH } from "./mount-flags";
import { childMounts, getMount, subtree, unhashMount } from "./mount-tree";
import type { FsCtx } from "./node";
import { umountPropagated } from "./propagation";
import { freeMount } from "./superblock";
import type { Mount, MountId } from "./types";

const refuse = (checks: readonly Check[], check: Check): Mounted => err({ errno: check.errno ?? "EINVAL", checks: [...checks, check] });

/** propagate_mount_busy(): something still uses the mount. */
export function busyReason(state: KernelState, id: MountId): string | undefined {
  if (childMounts(state, id).length > 0) return "other filesystems are mounted below it";
  for (const t of state.tasks.values()) {
    if (t.state === "Z" || t.kthread) continue;
    if (t.root.mnt === id) return `process ${t.pid} has its root directory in it`;
    if (t.cwd.mnt === id) return `process ${t.pid} has its working directory in it`;
  }
  for (const f of state.vfs.files.values()) if (f.path.mnt === id) return "a file in it is open";
  return undefined;
}

function referenced(state: KernelState, id: MountId): boolean {
  for (const t of state.tasks.values()) if (t.state !== "Z" && (t.root.mnt === id || t.cwd.mnt === id)) return true;
  for (const f of state.vfs.files.values()) if (f.path.mnt === id) return true;
  return false;
}

/**
 * umount_tree(): each mount leaves its namespace. A mount something still uses stays as a
 * detached record (parent = itself) so paths into it keep working, as a lazily unmounted
 * mount does in Linux; the rest are freed, with the namespaces nsfs mounts held.
 */
/** SIMPLIFICATION: a detached mount kept for its users is never freed afterwards. */
/**
 * Frees a mount record. When its superblock goes too and it was a cgroup v1 hierarchy's,
 * cgroup_kill_sb() lets the hierarchy go (unless it still has child cgroups).
 */
export function releaseMount(state: KernelState, m: Mount): KernelState {
  const sb = state.vfs.supers.get(m.sb);
  let s: KernelState = { ...state, vfs: freeMount(state.vfs, m) };
  const h = sb?.backing.kind === "synthetic" ? sb.backing.hierarchy : undefined;
  if (h === undefined || s.vfs.supers.has(m.sb)) return s;
  for (let i = 0; i < 1000 && (findHierarchy(s.cgroup, h)?.mounts ?? 0) > 0; i++) s = { ...s, cgroup: umountCgroupV1(s.cgroup, h) };
  return s;
}

export function umountTree(state: KernelState, top: Mount): KernelState {
  let s = state;
  const held: NsId[] = [];
  for (const m of subtree(state, top.id).reverse()) {
    s = { ...s, vfs: unhashMount(s.vfs, m) };
    if (referenced(s, m.id)) {
      s = { ...s, vfs: { ...s.vfs, mounts: s.vfs.mounts.set(m.id, { ...m, ns: null, parent: m.id }) } };
      continue;
    }
    s = releaseMount(s, m);
    if (m.heldNs !== null) held.push(m.heldNs);
  }
  for (const id of held) if (s.namespaces.has(id)) s = putNsRef(s, id);
  return s;
}

export function doUmount(c: FsCtx, target: { readonly mnt: MountId; readonly node: unknown }, shown: string, flags: number, before: readonly Check[]): Mounted {
  const m = getMount(c.state, target.mnt);
  if (m.root !== target.node) return refuse(before, deny("kernel", "path_mounted", `${shown} is not a mountpoint`, "EINVAL"));
  if (m.ns !== c.task.ns.mnt) return refuse(before, deny("namespace", "check_mnt", `${shown} is not in the caller's mount namespace`, "EINVAL"));
  if (m.locked) return refuse(before, deny("namespace", "can_umount: MNT_LOCKED", `${shown} was mounted in a more privileged mount namespace: unmounting it here would reveal what it covers`, "EINVAL"));
  if (m.parent === m.id) return refuse(before, deny("kernel", "do_umount", `${shown} is the namespace's root`, "EINVAL"));
  if (!(flags & MNT_DETACH)) {
    // SIMPLIFICATION: unmounting the caller's own root without MNT_DETACH is EBUSY (Linux remounts it read-only).
    const busy = c.task.root.mnt === m.id ? "it is the caller's root" : busyReason(c.state, m.id);
    if (busy) return refuse(before, deny("kernel", "propagate_mount_busy", `${shown} is busy: ${busy}`, "EBUSY"));
  }
  let s = c.state;
  for (const copy of umountPropagated(s, m)) s = umountTree(s, copy);
  s = umountTree(s, getMount(s, m.id));
  return ok({ state: s, checks: [...before, pass("kernel", flags & MNT_DETACH ? "umount_tree(MNT_DETACH)" : "umount_tree", `${shown} unmounted${flags & MNT_DETACH ? " (detached with everything below it)" : ""}`)] });
}
