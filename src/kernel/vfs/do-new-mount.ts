/**
 * do_new_mount() (`fs/namespace.c`): a new filesystem of type `fstype` on `target`. The type
 * must exist (ENODEV), its options parse (EINVAL), and the caller needs CAP_SYS_ADMIN in the
 * filesystem's user namespace for FS_USERNS_MOUNT types (tmpfs, proc, sysfs, cgroup2,
 * overlay, …) or in the initial user namespace for the rest (ext4) — mount_capable(). A proc
 * or sysfs mount inside a user namespace also needs an existing, fully visible one
 * (mount_too_revealing()): masked paths in /proc keep a container from mounting a fresh proc.
 */
import type { Result } from "../../lib";
import { err, ok } from "../../lib";
import { initNsId } from "../boot/init-namespaces";
import { capableCheck } from "../cred/capable";
import type { NsId } from "../ids";
import type { Check } from "../trace";
import { deny, pass } from "../trace";
import { FS_REGISTRATION, MOUNTABLE, USERNS_MOUNT } from "./fs-types";
import { parseFsOptions } from "./fs-options";
import { eatLsmMountOpts } from "./lsm-mount-opts";
import { getTree } from "./get-tree";
import { cgroup1Tree } from "./cgroup1fs";
import type { TreeFail } from "./get-tree";
import { MS_RDONLY, mntFlagsFrom } from "./mount-flags";
import { childMounts } from "./mount-tree";
import type { Attr, FsCtx } from "./node";
import { isDirNode, listDir } from "./node";
import { overlayLayers, parseOverlayOptions } from "./overlay/options";
import { graftTree } from "./propagation";
import { getSb, putSb } from "./sb-access";
import { newMount } from "./superblock";
import type { FsType, OverlayConfig, PathRef } from "./types";
import type { KernelState } from "../state";
import { isDir } from "./mode";

export interface NewMount {
  readonly source: string | null;
  readonly target: PathRef;
  readonly targetAttr: Attr;
  readonly shown: string;
  readonly fstype: string | null;
  readonly flags: number;
  readonly data: string | null;
}

export type Mounted = Result<{ readonly state: KernelState; readonly checks: readonly Check[] }, TreeFail>;

const refuse = (checks: readonly Check[], check: Check): Mounted => err({ errno: check.errno ?? "EINVAL", checks: [...checks, check] });

/** The user namespace mount_capable() asks about (fs_context's user_ns). */
function fcUserNs(c: FsCtx, fstype: FsType): NsId {
  if (!USERNS_MOUNT.includes(fstype)) return initNsId("user");
  const owner = (id: NsId) => c.state.namespaces.get(id)?.owner ?? c.task.cred.userNs;
  if (fstype === "proc") return owner(c.task.pidNs);
  if (fstype === "sysfs") return owner(c.task.ns.net);
  if (fstype === "cgroup2") return owner(c.task.ns.cgroup);
  if (fstype === "mqueue") return owner(c.task.ns.ipc);
  if (fstype === "cgroup") return owner(c.task.ns.cgroup);
  return c.task.cred.userNs;
}

/** mnt_already_visible(): a mount of the same type, whole, with children only on empty directories. */
function fullyVisible(c: FsCtx, fstype: FsType): boolean {
  const ns = c.state.vfs.namespaces.get(c.task.ns.mnt);
  return [...(ns?.mounts ?? [])].some((id) => {
    const m = c.state.vfs.mounts.get(id);
    if (!m || getSb(c.state, m.sb).fstype !== fstype || m.root !== "") return false;
    return childMounts(c.state, m.id).every((ch) => isDirNode(c, m.sb, ch.mountpoint) && listDir(c, m.sb, ch.mountpoint).length === 0);
  });
}

function typeOf(fstype: string | null): FsType | Check {
  if (!fstype) return deny("kernel", "do_new_mount", "no filesystem type given", "EINVAL");
  if (!FS_REGISTRATION.some(([, name]) => name === fstype)) return deny("kernel", "get_fs_type", `unknown filesystem type '${fstype}'`, "ENODEV");
  // SIMPLIFICATION: ramfs, fuse and the other registered types cannot be mounted yet.
  if (!MOUNTABLE.includes(fstype as FsType)) return deny("kernel", "get_fs_type", `mounting ${fstype} is not simulated`, "ENODEV");
  return fstype as FsType;
}

function overlayConfig(c: FsCtx, fstype: FsType, data: string | null): Result<{ readonly config: OverlayConfig | null; readonly shown: readonly string[]; readonly checks: readonly Check[] }, TreeFail> {
  if (fstype !== "overlay") return ok({ config: null, shown: [], checks: [] });
  const p = parseOverlayOptions(data);
  if (!p.ok) return err({ errno: p.error, checks: [deny("kernel", "ovl_parse_param", "overlay needs lowerdir=, and upperdir= together with workdir=", p.error)] });
  const layers = overlayLayers(c, p.value);
  return layers.ok ? ok({ config: layers.value.config, shown: p.value.shown, checks: layers.value.checks }) : layers;
}

export function doNewMount(c: FsCtx, req: NewMount, before: readonly Check[]): Mounted {
  const type = typeOf(req.fstype);
  if (typeof type !== "string") return refuse(before, type);
  const lsmOpts = c.state.config.lsm === "selinux" && type !== "cgroup" ? eatLsmMountOpts(req.data) : ok({ data: req.data, shown: [] });
  if (!lsmOpts.ok) return refuse(before, deny("kernel", "selinux_sb_eat_lsm_opts", `an invalid SELinux context in ${JSON.stringify(req.data)}`, "EINVAL"));
  const data = lsmOpts.value.data;
  const opts = parseFsOptions(type, type === "overlay" || type === "cgroup" ? null : data, c.state.config.memTotalKb);
  if (!opts.ok) return refuse(before, deny("kernel", "parse_monolithic_mount_data", `${type} does not accept the options ${JSON.stringify(req.data)}`, "EINVAL"));
  const checks: Check[] = [...before];
  const userNs = fcUserNs(c, type);
  checks.push(capableCheck(c.state, c.task.cred, userNs, "CAP_SYS_ADMIN", `mounting a ${type} filesystem (mount_capable)`));
  if (checks[checks.length - 1]?.verdict === "deny") return err({ errno: "EPERM", checks });
  if (type === "cgroup") {
    const v1 = cgroup1Tree(c, req.data, userNs);
    if (!v1.ok) return err({ errno: v1.error.errno, checks: [...checks, ...v1.error.checks] });
    return attachNew({ ...c, state: v1.value.state }, req, v1.value.sb, v1.value.root, [...checks, ...v1.value.checks]);
  }
  const ovl = overlayConfig(c, type, data);
  if (!ovl.ok) return err({ errno: ovl.error.errno, checks: [...checks, ...ovl.error.checks] });
  checks.push(...ovl.value.checks);
  const fsOpts = type === "overlay" ? { shown: ovl.value.shown } : opts.value;
  const shownOpts = { ...fsOpts, shown: [...lsmOpts.value.shown, ...fsOpts.shown] };
  const tree = getTree(c, type, shownOpts, (req.flags & MS_RDONLY) !== 0, req.source, ovl.value.config);
  if (!tree.ok) return err({ errno: tree.error.errno, checks: [...checks, ...tree.error.checks] });
  checks.push(...tree.value.checks);
  if ((type === "proc" || type === "sysfs") && c.task.cred.userNs !== initNsId("user") && !fullyVisible(c, type)) {
    return refuse(checks, deny("namespace", "mount_too_revealing", `no fully visible ${type} mount in this mount namespace (parts of it are covered): a user namespace may not mount a fresh one`, "EPERM"));
  }
  return attachNew({ ...c, state: tree.value.state }, req, tree.value.sb, tree.value.root, checks);
}

function attachNew(c: FsCtx, req: NewMount, sbId: ReturnType<typeof getSb>["id"], root: PathRef["node"], checks: Check[]): Mounted {
  const target = c.state.vfs.mounts.get(req.target.mnt);
  if (!target || target.ns !== c.task.ns.mnt) return refuse(checks, deny("namespace", "check_mnt", `${req.shown} is not in the caller's mount namespace`, "EINVAL"));
  if (target.sb === sbId && target.root === req.target.node) return refuse(checks, deny("kernel", "do_add_mount", `${req.shown} already has this filesystem mounted on it`, "EBUSY"));
  if (!isDir(req.targetAttr.mode)) return refuse(checks, deny("kernel", "graft_tree", `${req.shown} is not a directory`, "ENOTDIR"));
  let s = c.state;
  const sb = getSb(s, sbId);
  if (req.flags & MS_RDONLY && !sb.readOnly && sb.mounts === 0) s = putSb(s, { ...sb, readOnly: true });
  const [vfs, m] = newMount(s.vfs, {
    ns: c.task.ns.mnt, parent: req.target.mnt, mountpoint: req.target.node, sb: sbId, root,
    devname: req.source ?? "none", flags: mntFlagsFrom(req.flags),
  });
  s = graftTree({ ...s, vfs }, [m], req.target.mnt, req.target.node);
  return ok({ state: s, checks: [...checks, pass("kernel", "do_add_mount", `${sb.fstype} mounted on ${req.shown} (mount ${m.id})`)] });
}
