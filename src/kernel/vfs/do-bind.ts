/**
 * do_loopback() (`fs/namespace.c`): a bind mount makes `source` — a directory, a file, or an
 * nsfs file that then keeps its namespace alive — visible at `target`. With MS_REC the mounts
 * below the source come along. A bind of a shared mount is a peer of it; unbindable mounts
 * cannot be bound (EINVAL); a mount from another namespace neither, except nsfs files.
 */
import { err, ok } from "../../lib";
import { getNsRef } from "../ns/ns-ops";
import type { KernelState } from "../state";
import type { Check } from "../trace";
import { deny, pass } from "../trace";
import { pathFrom } from "./d-path";
import type { Mounted, NewMount } from "./do-new-mount";
import { isDir } from "./mode";
import { childMounts, getMount } from "./mount-tree";
import { resolvePath } from "./namei";
import type { FsCtx } from "./node";
import { graftTree } from "./propagation";
import { getSb } from "./sb-access";
import { newMount } from "./superblock";
import type { Mount, MountId, NodeKey, VfsState } from "./types";

const refuse = (checks: readonly Check[], check: Check): Mounted => err({ errno: check.errno ?? "EINVAL", checks: [...checks, check] });

/** clone_mnt(old, root, 0): same filesystem and flags; a shared source makes a peer. */
function cloneOne(vfs: VfsState, old: Mount, root: NodeKey, parent: MountId | null, mountpoint: NodeKey, ns: Mount["ns"]): readonly [VfsState, Mount] {
  const [next, m] = newMount(vfs, {
    ns, parent, mountpoint, sb: old.sb, root, devname: old.devname, flags: old.flags,
    shared: old.shared, master: old.master, heldNs: old.heldNs,
  });
  return [next, { ...m, locks: old.locks }] as const;
}

/** copy_tree(): the source mount and, with `rec`, every mount below the bound node. */
function cloneTree(c: FsCtx, src: Mount, root: NodeKey, rec: boolean, target: { mnt: MountId; node: NodeKey }): readonly [VfsState, Mount[]] {
  let [vfs, top] = cloneOne(c.state.vfs, src, root, target.mnt, target.node, c.task.ns.mnt);
  const out: Mount[] = [top];
  if (!rec) return [vfs, out] as const;
  const copies = new Map<MountId, MountId>([[src.id, top.id]]);
  const walk = (m: Mount) => {
    for (const child of childMounts(c.state, m.id)) {
      if (child.unbindable) continue;
      if (m.id === src.id && pathFrom(c, { mnt: m.id, node: child.mountpoint }, { mnt: m.id, node: root }) === undefined) continue;
      const [next, copy] = cloneOne(vfs, child, child.root, copies.get(m.id) ?? top.id, child.mountpoint, c.task.ns.mnt);
      vfs = next;
      copies.set(child.id, copy.id);
      out.push(copy);
      walk(child);
    }
  };
  walk(src);
  top = out[0] as Mount;
  return [vfs, out] as const;
}

export function doBind(c: FsCtx, req: NewMount, rec: boolean, before: readonly Check[]): Mounted {
  if (!req.source) return refuse(before, deny("kernel", "do_loopback", "a bind mount needs a source", "EINVAL"));
  const src = resolvePath(c, c.task.cwd, req.source, { follow: true });
  if (!src.ok) return err({ errno: src.errno, checks: [...before, ...src.checks] });
  const checks: Check[] = [...before, ...src.checks];
  const old = getMount(c.state, src.path.mnt);
  const target = getMount(c.state, req.target.mnt);
  const nsfs = getSb(c.state, old.sb).fstype === "nsfs";
  if (target.ns !== c.task.ns.mnt) return refuse(checks, deny("namespace", "check_mnt", `${req.shown} is not in the caller's mount namespace`, "EINVAL"));
  if (old.unbindable) return refuse(checks, deny("kernel", "__do_loopback", `${req.source} is on an unbindable mount`, "EINVAL"));
  if (!nsfs && old.ns !== c.task.ns.mnt) return refuse(checks, deny("namespace", "__do_loopback", `${req.source} is on a mount of another mount namespace`, "EINVAL"));
  const heldNs = nsfs ? (Number(src.path.node) as never) : null;
  if (heldNs !== null && c.state.namespaces.get(heldNs)?.type === "mnt" && heldNs >= c.task.ns.mnt) {
    return refuse(checks, deny("namespace", "mnt_ns_loop", "binding this mount namespace's file here could make a namespace loop", "EINVAL"));
  }
  if (!rec && childMounts(c.state, old.id).some((m) => m.locked)) {
    return refuse(checks, deny("namespace", "has_locked_children", `${req.source} has locked mounts below it: only a recursive bind may copy it`, "EINVAL"));
  }
  if (isDir(src.attr.mode) !== isDir(req.targetAttr.mode)) {
    return refuse(checks, deny("kernel", "graft_tree", `${req.source} and ${req.shown} must both be directories or both not`, "ENOTDIR"));
  }
  const source = nsfs ? { ...old, heldNs, ns: c.task.ns.mnt } : old;
  const [vfs, tree] = cloneTree(c, source, src.path.node, rec, req.target);
  let s: KernelState = graftTree({ ...c.state, vfs }, tree.map((m) => ({ ...m, locked: false })), req.target.mnt, req.target.node);
  for (const m of s.vfs.mounts.values()) if (m.heldNs !== null && !c.state.vfs.mounts.has(m.id)) s = getNsRef(s, m.heldNs);
  return ok({ state: s, checks: [...checks, pass("kernel", "do_loopback", `${req.source} bound on ${req.shown}${rec ? " with the mounts below it" : ""} (mount ${tree[0]?.id})`)] });
}
