/**
 * Changing an existing mount (`fs/namespace.c`): remount (new flags for the mount and, unless
 * MS_BIND, for its filesystem — so `mount -o remount,bind,ro` makes one view read-only while
 * `-o remount,ro` makes the whole filesystem read-only), propagation changes
 * (MS_SHARED, MS_PRIVATE, MS_SLAVE, MS_UNBINDABLE, with MS_REC for the subtree), and MS_MOVE.
 * Each works on the root of a mount in the caller's namespace (EINVAL otherwise); flags a
 * more privileged namespace locked cannot be cleared (EPERM).
 */
import { err, ok } from "../../lib";
import { capableCheck } from "../cred/capable";
import type { KernelState } from "../state";
import type { Check } from "../trace";
import { deny, pass } from "../trace";
import { isBelow } from "./d-path";
import type { Mounted, NewMount } from "./do-new-mount";
import { MS_BIND, MS_PRIVATE, MS_PROPAGATION, MS_RDONLY, MS_REC, MS_SHARED, MS_SILENT, MS_SLAVE, MS_UNBINDABLE, lockedFlagChange, mntFlagsFrom } from "./mount-flags";
import { getMount, reattach, subtree } from "./mount-tree";
import type { FsCtx } from "./node";
import { getSb, putSb } from "./sb-access";
import { resolvePath } from "./namei";
import { newGroup } from "./superblock";
import type { Mount } from "./types";

const refuse = (checks: readonly Check[], check: Check): Mounted => err({ errno: check.errno ?? "EINVAL", checks: [...checks, check] });

function rootOfOwnMount(c: FsCtx, req: NewMount, checks: readonly Check[]): Mount | Mounted {
  const m = getMount(c.state, req.target.mnt);
  if (m.root !== req.target.node) return refuse(checks, deny("kernel", "path_mounted", `${req.shown} is not a mountpoint`, "EINVAL"));
  if (m.ns !== c.task.ns.mnt) return refuse(checks, deny("namespace", "check_mnt", `${req.shown} is not in the caller's mount namespace`, "EINVAL"));
  return m;
}

const putMount = (s: KernelState, m: Mount): KernelState => ({ ...s, vfs: { ...s.vfs, mounts: s.vfs.mounts.set(m.id, m) } });

export function doRemount(c: FsCtx, req: NewMount, before: readonly Check[]): Mounted {
  const m = rootOfOwnMount(c, req, before);
  if (!("id" in m)) return m;
  const flags = mntFlagsFrom(req.flags, m.flags);
  const locked = lockedFlagChange(m, flags);
  if (locked) return refuse(before, deny("namespace", "can_change_locked_flags", `${req.shown}: "${locked}" was locked when this mount was copied into a less privileged mount namespace`, "EPERM"));
  let s = putMount(c.state, { ...m, flags });
  const checks: Check[] = [...before];
  if (!(req.flags & MS_BIND)) {
    const sb = getSb(s, m.sb);
    checks.push(capableCheck(s, c.task.cred, sb.userNs, "CAP_SYS_ADMIN", `remounting a ${sb.fstype} filesystem`));
    if (checks[checks.length - 1]?.verdict === "deny") return err({ errno: "EPERM", checks });
    s = putSb(s, { ...sb, readOnly: (req.flags & MS_RDONLY) !== 0 });
  }
  const what = req.flags & MS_BIND ? "this mount" : "the filesystem and this mount";
  return ok({ state: s, checks: [...checks, pass("kernel", req.flags & MS_BIND ? "do_reconfigure_mnt" : "do_remount", `${req.shown}: ${what} now ${flags.ro ? "read-only" : "read-write"}`)] });
}

/** change_mnt_propagation(): one mount's new type. */
function retype(s: KernelState, m: Mount, type: number): KernelState {
  if (type === MS_SHARED) {
    if (m.shared !== null) return s;
    const [vfs, g] = newGroup(s.vfs);
    return putMount({ ...s, vfs }, { ...m, shared: g, unbindable: false });
  }
  if (type === MS_SLAVE) {
    const peers = m.shared !== null && [...s.vfs.mounts.values()].some((x) => x.id !== m.id && x.shared === m.shared);
    return putMount(s, { ...m, master: peers ? m.shared : m.master, shared: null, unbindable: false });
  }
  return putMount(s, { ...m, shared: null, master: null, unbindable: type === MS_UNBINDABLE });
}

export function doChangeType(c: FsCtx, req: NewMount, before: readonly Check[]): Mounted {
  const type = req.flags & MS_PROPAGATION;
  if ((req.flags & ~(MS_PROPAGATION | MS_REC | MS_SILENT)) !== 0 || [MS_SHARED, MS_PRIVATE, MS_SLAVE, MS_UNBINDABLE].indexOf(type) < 0) {
    return refuse(before, deny("kernel", "flags_to_propagation_type", "exactly one of MS_SHARED, MS_PRIVATE, MS_SLAVE, MS_UNBINDABLE is needed", "EINVAL"));
  }
  const m = rootOfOwnMount(c, req, before);
  if (!("id" in m)) return m;
  const targets = req.flags & MS_REC ? subtree(c.state, m.id) : [m];
  let s = c.state;
  for (const t of targets) s = retype(s, getMount(s, t.id), type);
  const name = { [MS_SHARED]: "shared", [MS_PRIVATE]: "private", [MS_SLAVE]: "slave", [MS_UNBINDABLE]: "unbindable" }[type];
  return ok({ state: s, checks: [...before, pass("kernel", "do_change_type", `${req.shown}${req.flags & MS_REC ? " and the mounts below it" : ""} now ${name}`)] });
}

/** do_move_mount_old(): the mount at `source` moves to `target`. */
export function doMove(c: FsCtx, req: NewMount, before: readonly Check[]): Mounted {
  if (!req.source) return refuse(before, deny("kernel", "do_move_mount_old", "MS_MOVE needs a source", "EINVAL"));
  const src = resolvePath(c, c.task.cwd, req.source, { follow: true });
  if (!src.ok) return err({ errno: src.errno, checks: [...before, ...src.checks] });
  const checks = [...before, ...src.checks];
  const m = getMount(c.state, src.path.mnt);
  if (m.root !== src.path.node || m.parent === m.id) return refuse(checks, deny("kernel", "do_move_mount", `${req.source} is not a mountpoint`, "EINVAL"));
  if (m.ns !== c.task.ns.mnt) return refuse(checks, deny("namespace", "check_mnt", `${req.source} is not in the caller's mount namespace`, "EINVAL"));
  if (m.locked) return refuse(checks, deny("namespace", "do_move_mount", `${req.source} is locked`, "EINVAL"));
  if (getMount(c.state, m.parent).shared !== null) return refuse(checks, deny("kernel", "do_move_mount", `${req.source} is under a shared mount`, "EINVAL"));
  if (isBelow(c, req.target, { mnt: m.id, node: m.root })) return refuse(checks, deny("kernel", "do_move_mount", `${req.shown} is inside the mount being moved`, "ELOOP"));
  const vfs = reattach(c.state.vfs, m, req.target.mnt, req.target.node);
  return ok({ state: { ...c.state, vfs }, checks: [...checks, pass("kernel", "do_move_mount", `${req.source} moved to ${req.shown}`)] });
}
