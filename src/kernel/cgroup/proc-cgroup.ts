/**
 * /proc/PID/cgroup and cgroup namespaces: "a process's view of its cgroups is relative to the
 * root of its cgroup namespace"; paths outside it show as `/..` steps — cgroup_namespaces(7),
 * fs/kernfs/dir.c: kernfs_path_from_node(). One line per hierarchy, newest v1 hierarchy first,
 * the v2 line `0::PATH` last (kernel/cgroup/cgroup.c: proc_cgroup_show()).
 */
import type { CgroupId, Pid } from "../ids";
import { SUBSYS, legacyName, maskHas } from "./controllers";
import { ancestors, getCg } from "./tree";
import type { CgroupState } from "./types";
import type { V1Hierarchy } from "./v1-types";

/** Where a cgroup namespace is rooted: the creator's cgroups when it was made. */
export interface CgroupNsRoots {
  readonly v2: CgroupId;
  /** Per v1 hierarchy id; a hierarchy missing here is rooted at `/`. */
  readonly v1: Readonly<Record<number, string>>;
}

/** The initial cgroup namespace sees every hierarchy from its root. */
export const initCgroupNsRoots = (state: CgroupState): CgroupNsRoots => ({ v2: state.root, v1: {} });

/** unshare(CLONE_NEWCGROUP) / clone: the new namespace is rooted at the task's cgroups. */
export function cgroupNsRootsOf(state: CgroupState, pid: Pid): CgroupNsRoots {
  const v1: Record<number, string> = {};
  for (const h of state.v1.hierarchies) v1[h.id] = h.taskPath.get(pid) ?? "/";
  return { v2: state.taskCgroup.get(pid) ?? state.root, v1 };
}

/** kernfs_path_from_node(): `/` at the root, `/..` per step up to the common ancestor, then down. */
function relative(up: number, down: readonly string[]): string {
  const s = "/..".repeat(up) + down.map((n) => `/${n}`).join("");
  return s === "" ? "/" : s;
}

/** A v2 cgroup's path as seen from a namespace rooted at `nsRoot`. */
export function cgroupPathFrom(state: CgroupState, id: CgroupId, nsRoot: CgroupId): string {
  const to = ancestors(state, id).map((c) => c.id).reverse();
  const from = ancestors(state, nsRoot).map((c) => c.id).reverse();
  let common = 0;
  while (common < to.length && common < from.length && to[common] === from[common]) common++;
  return relative(from.length - common, to.slice(common).map((c) => getCg(state, c).name));
}

/** The same for v1 paths, which are strings. */
export function v1PathFrom(path: string, nsRoot: string): string {
  const to = path.split("/").filter((p) => p !== "");
  const from = nsRoot.split("/").filter((p) => p !== "");
  let common = 0;
  while (common < to.length && common < from.length && to[common] === from[common]) common++;
  return relative(from.length - common, to.slice(common));
}

/** `ID:controllers[,name=N]:` of a v1 hierarchy line. */
function v1Prefix(h: V1Hierarchy): string {
  const names = SUBSYS.filter((s) => maskHas(h.subsys, s)).map(legacyName);
  if (h.name !== "") names.push(`name=${h.name}`);
  return `${h.id}:${names.join(",")}:`;
}

/** The text of /proc/PID/cgroup for a reader whose cgroup namespace is rooted at `ns`. */
export function procPidCgroup(state: CgroupState, pid: Pid, ns: CgroupNsRoots): string {
  const lines = state.v1.hierarchies.map((h) => `${v1Prefix(h)}${v1PathFrom(h.taskPath.get(pid) ?? "/", ns.v1[h.id] ?? "/")}\n`);
  const cg = state.taskCgroup.get(pid) ?? state.root;
  return `${lines.join("")}0::${cgroupPathFrom(state, cg, ns.v2)}\n`;
}
