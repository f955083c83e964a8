/**
 * Paths of nodes (`fs/d_path.c`): walking up through parents and from each mount's root to its
 * mountpoint until the reader's root is met. A path outside the reader's root is unreachable:
 * /proc/PID/mountinfo skips such mounts and getcwd(2) reports "(unreachable)".
 */
import type { KernelState } from "../state";
import type { FsCtx } from "./node";
import { parentNode } from "./node";
import { getMount, samePath } from "./mount-tree";
import { getSb } from "./sb-access";
import { baseName } from "./synthetic";
import type { NodeKey, PathRef, SbId } from "./types";
import { nsLinkText } from "../ns/namespace";

/** The name a node has in its parent directory. */
export function nodeName(state: KernelState, sbId: SbId, node: NodeKey): string {
  const b = getSb(state, sbId).backing;
  if (b.kind === "store") return b.store.inodes.get(node as number)?.name ?? "";
  return baseName(node as string);
}

/** `p` relative to `root`, or undefined when `p` is not below `root` (`prepend_path()`). */
export function pathFrom(c: FsCtx, p: PathRef, root: PathRef): string | undefined {
  const names: string[] = [];
  let cur = p;
  for (let guard = 0; guard < 10_000; guard++) {
    if (samePath(cur, root)) return `/${names.reverse().join("/")}`;
    const m = c.state.vfs.mounts.get(cur.mnt);
    if (!m) return undefined;
    if (cur.node === m.root) {
      if (m.parent === m.id) return undefined;
      cur = { mnt: m.parent, node: m.mountpoint };
      continue;
    }
    names.push(nodeName(c.state, m.sb, cur.node));
    cur = { mnt: cur.mnt, node: parentNode(c, m.sb, cur.node) };
  }
  return undefined;
}

/** `d_path()`: relative to `root`, or else from the top of the mount tree. */
export function dPath(c: FsCtx, p: PathRef, root: PathRef): string {
  // Pseudo filesystems name their files themselves (`d_op->d_dname`): pipe:[INODE].
  const m = c.state.vfs.mounts.get(p.mnt);
  if (m && getSb(c.state, m.sb).fstype === "pipefs") return fsPath(c, m.sb, p.node);
  const seen = pathFrom(c, p, root);
  if (seen !== undefined) return seen;
  const names: string[] = [];
  let cur = p;
  for (let guard = 0; guard < 10_000; guard++) {
    const m = c.state.vfs.mounts.get(cur.mnt);
    if (!m) break;
    if (cur.node === m.root) {
      if (m.parent === m.id) break;
      cur = { mnt: m.parent, node: m.mountpoint };
      continue;
    }
    names.push(nodeName(c.state, m.sb, cur.node));
    cur = { mnt: cur.mnt, node: parentNode(c, m.sb, cur.node) };
  }
  return `/${names.reverse().join("/")}`;
}

/**
 * SIMPLIFICATION: cgroup2 paths are shown from the hierarchy root, not from the reader's
 * cgroup namespace root (cgroup_show_path()); a hard-linked file is named by its first link.
 */
/** The path of a node from its filesystem's root: mountinfo's fourth field. */
export function fsPath(c: FsCtx, sbId: SbId, node: NodeKey): string {
  const sb = getSb(c.state, sbId);
  if (sb.fstype === "nsfs") {
    const ns = c.state.namespaces.get(Number(node) as never);
    return ns ? nsLinkText(ns.type, ns.id) : `nsfs:[${String(node)}]`;
  }
  // pipefs_dname(): "pipe:[INODE]", what /proc/PID/fd/N links to.
  if (sb.fstype === "pipefs") return `pipe:[${c.state.vfs.pipes.get(Number(node))?.ino ?? String(node)}]`;
  const names: string[] = [];
  let cur = node;
  for (let guard = 0; guard < 10_000; guard++) {
    const up = parentNode(c, sbId, cur);
    if (up === cur) break;
    names.push(nodeName(c.state, sbId, cur));
    cur = up;
  }
  return `/${names.reverse().join("/")}`;
}

/** Whether `p` lies at or below `anc` in the mount tree (`is_path_reachable()`). */
export function isBelow(c: FsCtx, p: PathRef, anc: PathRef): boolean {
  return pathFrom(c, p, anc) !== undefined;
}

export const mountRootPath = (c: FsCtx, id: PathRef["mnt"]): PathRef => ({ mnt: id, node: getMount(c.state, id).root });
