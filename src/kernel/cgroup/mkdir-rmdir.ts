/**
 * Creating and removing v2 cgroups (kernel/cgroup/cgroup.c: cgroup_mkdir(), cgroup_rmdir()).
 */
import type { Result } from "../../lib";
import { err, ok } from "../../lib";
import type { Errno } from "../errno";
import type { CgroupId } from "../ids";
import { cgroupId } from "../ids";
import { listFiles } from "./files-list";
import { newCgroup } from "./records";
import { ancestors, getCg, putCg } from "./tree";
import type { CgroupState } from "./types";

/**
 * cgroup_check_hierarchy_limits(): every ancestor's cgroup.max.descendants and
 * cgroup.max.depth must allow one more level; otherwise mkdir fails with EAGAIN.
 */
function withinLimits(state: CgroupState, parent: CgroupId): boolean {
  let level = 1;
  for (const cg of ancestors(state, parent)) {
    if (cg.nrDescendants >= cg.maxDescendants || level > cg.maxDepth) return false;
    level++;
  }
  return true;
}

/**
 * mkdir(2) in cgroupfs: a name with a newline is EINVAL (it would break /proc/PID/cgroup).
 * SIMPLIFICATION: ids are handed out in sequence from 2; real ones are kernfs inode numbers.
 */
export function mkdirCgroup(state: CgroupState, parent: CgroupId, name: string): Result<{ state: CgroupState; id: CgroupId }, Errno> {
  if (name.includes("\n")) return err("EINVAL");
  const p = getCg(state, parent);
  if (name === "." || name === ".." || p.children.has(name) || listFiles(state, parent).includes(name)) return err("EEXIST");
  if (!withinLimits(state, parent)) return err("EAGAIN");
  const id = cgroupId(state.nextId);
  let next: CgroupState = { ...state, nextId: state.nextId + 1 };
  next = putCg(next, newCgroup(id, name, parent, p.level + 1));
  next = putCg(next, { ...getCg(next, parent), children: p.children.set(name, id) });
  for (const cg of ancestors(next, parent)) next = putCg(next, { ...cg, nrDescendants: cg.nrDescendants + 1 });
  return ok({ state: next, id });
}

/**
 * cgroup_destroy_locked(): a populated cgroup, or one with child cgroups, is EBUSY. Memory
 * still charged to it moves to the parent (memcg reparenting on offline).
 * SIMPLIFICATION: the cgroup is freed at once, so nr_dying_descendants stays 0.
 */
export function rmdirCgroup(state: CgroupState, id: CgroupId): Result<CgroupState, Errno> {
  const cg = getCg(state, id);
  if (cg.parent === undefined || cg.nrTasks > 0 || cg.children.size > 0) return err("EBUSY");
  const parent = getCg(state, cg.parent);
  let next: CgroupState = putCg(state, { ...parent, children: parent.children.remove(cg.name) });
  for (const a of ancestors(next, cg.parent)) next = putCg(next, { ...a, nrDescendants: a.nrDescendants - 1 });
  const parentId = cg.parent;
  const memCharges = next.memCharges.map((charges) => (charges.some((c) => c.cg === id)
    ? charges.map((c) => (c.cg === id ? { cg: parentId, bytes: c.bytes } : c))
    : charges));
  return ok({ ...next, cgroups: next.cgroups.remove(id), memCharges });
}

/** Creates every missing directory of a path, like `mkdir -p` (used to lay out the host). */
export function mkdirPath(state: CgroupState, path: string): { state: CgroupState; id: CgroupId } {
  let id = state.root;
  let next = state;
  for (const part of path.split("/").filter((p) => p !== "")) {
    const existing = getCg(next, id).children.get(part);
    if (existing !== undefined) { id = existing; continue; }
    const made = mkdirCgroup(next, id, part);
    if (!made.ok) throw new Error(`cannot create cgroup ${path}: ${made.error}`);
    ({ state: next, id } = made.value);
  }
  return { state: next, id };
}
