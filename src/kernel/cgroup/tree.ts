/**
 * Walking the v2 hierarchy: lookups by id and path, ancestors, which cgroup holds a
 * controller's state (css) for a task. All O(depth).
 */
import type { CgroupId, Pid } from "../ids";
import type { Subsys } from "./controllers";
import { IMPLICIT_MASK, maskHas, subsysBit } from "./controllers";
import type { Cgroup, CgroupState } from "./types";

export function getCg(state: CgroupState, id: CgroupId): Cgroup {
  const cg = state.cgroups.get(id);
  if (!cg) throw new Error(`kernel invariant: no cgroup ${id}`);
  return cg;
}

export const findCg = (state: CgroupState, id: CgroupId): Cgroup | undefined => state.cgroups.get(id);

/** The cgroup and its ancestors, nearest first, root last. */
export function ancestors(state: CgroupState, id: CgroupId): Cgroup[] {
  const out: Cgroup[] = [];
  for (let cg: Cgroup | undefined = getCg(state, id); cg; cg = cg.parent === undefined ? undefined : getCg(state, cg.parent)) {
    out.push(cg);
  }
  return out;
}

/** True when `id` is `anc` or below it (cgroup_is_descendant()). */
export function isDescendant(state: CgroupState, id: CgroupId, anc: CgroupId): boolean {
  return ancestors(state, id).some((cg) => cg.id === anc);
}

/** The path from the hierarchy root, as cgroup_path() prints it: `/` or `/a/b`. */
export function cgroupPath(state: CgroupState, id: CgroupId): string {
  const names = ancestors(state, id).map((cg) => cg.name).reverse().slice(1);
  return names.length === 0 ? "/" : `/${names.join("/")}`;
}

/** The cgroup at a path from the root (`/system.slice/docker.service`), if it exists. */
export function lookupPath(state: CgroupState, path: string): CgroupId | undefined {
  let id: CgroupId | undefined = state.root;
  for (const part of path.split("/").filter((p) => p !== "")) {
    id = id === undefined ? undefined : getCg(state, id).children.get(part);
  }
  return id;
}

export function taskCgroupOf(state: CgroupState, pid: Pid): CgroupId | undefined {
  return state.taskCgroup.get(pid);
}

/**
 * Whether a cgroup has a css for a subsystem: the root has every subsystem bound to v2; a child
 * has it when its parent's cgroup.subtree_control enables it; implicit ones are everywhere.
 * — Documentation/admin-guide/cgroup-v2.rst, "Enabling and Disabling"
 */
export function hasCss(state: CgroupState, id: CgroupId, ss: Subsys): boolean {
  const bit = subsysBit(ss);
  if ((state.config.v2Bound & bit) === 0) return false;
  if ((IMPLICIT_MASK & bit) !== 0) return true;
  const cg = getCg(state, id);
  return cg.parent === undefined || maskHas(getCg(state, cg.parent).subtreeControl, ss);
}

/**
 * The cgroup whose css a task in `id` uses for a subsystem: the nearest ancestor-or-self with
 * the controller enabled (a task's css_set points there — kernel/cgroup/cgroup.c: find_css_set()).
 */
export const cssOwner = (state: CgroupState, id: CgroupId, ss: Subsys): Cgroup => cssOwnerOnPath(state, ancestors(state, id), ss);

/** cssOwner() on a path ancestors() returned: hasCss() with each parent read from the path. */
export function cssOwnerOnPath(state: CgroupState, path: readonly Cgroup[], ss: Subsys): Cgroup {
  const bit = subsysBit(ss);
  if ((state.config.v2Bound & bit) !== 0) {
    for (let i = 0; i < path.length; i++) {
      const cg = path[i] as Cgroup;
      const parent = path[i + 1];
      if ((IMPLICIT_MASK & bit) !== 0 || cg.parent === undefined || (parent !== undefined && maskHas(parent.subtreeControl, ss))) return cg;
    }
  }
  return getCg(state, state.root);
}

/** `cgroup.freeze` of this cgroup or any ancestor: the effective freeze (e_freeze). */
export function isFrozen(state: CgroupState, id: CgroupId): boolean {
  return ancestors(state, id).some((cg) => cg.freeze);
}

/** Every process in the subtree, in the order cgroup.procs of each cgroup lists them. */
export function subtreePids(state: CgroupState, id: CgroupId): Pid[] {
  const cg = getCg(state, id);
  const out: Pid[] = [...cg.procs];
  for (const child of [...cg.children.values()]) out.push(...subtreePids(state, child));
  return out;
}

/** Every cgroup in the subtree, parents before children. */
export function subtreeIds(state: CgroupState, id: CgroupId): CgroupId[] {
  const out: CgroupId[] = [id];
  for (const child of getCg(state, id).children.values()) out.push(...subtreeIds(state, child));
  return out;
}

export const putCg = (state: CgroupState, cg: Cgroup): CgroupState => ({ ...state, cgroups: state.cgroups.set(cg.id, cg) });
