/**
 * Mounting cgroup v1 hierarchies and creating cgroups in them (kernel/cgroup/cgroup-v1.c:
 * cgroup1_parse_param(), cgroup1_root_to_use(), rebind_subsystems() in cgroup.c).
 */
import { Map as IMap, OrderedSet } from "immutable";
import type { Result } from "../../lib";
import { err, ok } from "../../lib";
import type { Errno } from "../errno";
import type { Pid } from "../ids";
import type { SubsysMask } from "./controllers";
import { IMPLICIT_MASK, SUBSYS, subsysBit, subsysByLegacyName } from "./controllers";
import { getCg } from "./tree";
import type { CgroupState } from "./types";
import { checkForRelease } from "./v1-membership";
import type { V1Cgroup, V1Hierarchy } from "./v1-types";

const newV1Cgroup = (path: string, notifyOnRelease: boolean, cloneChildren: boolean): V1Cgroup => ({
  path, children: [], procs: OrderedSet<Pid>(), nrTasks: 0, notifyOnRelease, cloneChildren,
});

interface MountOptions { subsys: SubsysMask; none: boolean; name: string; releaseAgent: string; cloneChildren: boolean }

/**
 * cgroup1_parse_param() + check_cgroupfs_options(): anything unknown or contradictory is EINVAL.
 * SIMPLIFICATION: flag options (noprefix, xattr, …) are accepted and ignored.
 */
export function parseV1Options(options: string, inInitUserNs: boolean): Result<MountOptions, Errno> {
  const o: MountOptions = { subsys: 0, none: false, name: "", releaseAgent: "", cloneChildren: false };
  let all = false;
  for (const tok of options.split(",").filter((t) => t !== "" && t !== "rw")) {
    const [key, value] = [tok.split("=")[0] ?? "", tok.includes("=") ? tok.slice(tok.indexOf("=") + 1) : undefined];
    if (key === "none") o.none = true;
    else if (key === "all") all = true;
    else if (key === "clone_children") o.cloneChildren = true;
    else if (["noprefix", "xattr", "cpuset_v2_mode", "favordynmods", "nofavordynmods"].includes(key)) continue;
    else if (key === "name") {
      if (!value || o.name !== "" || value.length > 64 || !/^[\w.-]+$/.test(value)) return err("EINVAL");
      o.name = value;
    } else if (key === "release_agent") {
      // "Setting release_agent not allowed" from a non-initial user namespace (5.17+).
      if (o.releaseAgent !== "" || !inInitUserNs || value === undefined) return err("EINVAL");
      o.releaseAgent = value;
    } else {
      const ss = subsysByLegacyName(key);
      if (!ss || value !== undefined) return err("EINVAL");
      o.subsys |= subsysBit(ss);
    }
  }
  if (all && (o.none || o.subsys !== 0)) return err("EINVAL");
  if (o.none && o.subsys !== 0) return err("EINVAL");
  if (all || (o.subsys === 0 && !o.none && o.name === "")) o.subsys = (1 << SUBSYS.length) - 1;
  if (o.subsys === 0 && o.name === "") return err("EINVAL");
  return ok(o);
}

/**
 * rebind_subsystems(): a controller on another v1 hierarchy is EBUSY; one on v2 may move only
 * while no cgroup below the v2 root has its css (implicit ones may always be taken).
 */
function bindable(state: CgroupState, mask: SubsysMask): boolean {
  const root = getCg(state, state.root);
  for (const ss of SUBSYS) {
    const bit = subsysBit(ss);
    if ((mask & bit) === 0) continue;
    if ((state.config.v2Bound & bit) === 0) return false;
    if ((IMPLICIT_MASK & bit) === 0 && (root.subtreeControl & bit) !== 0 && root.children.size > 0) return false;
  }
  return true;
}

export interface V1MountParams {
  /** The mounting task is in the initial cgroup namespace (new hierarchies need it: EPERM). */
  readonly inInitCgroupNs: boolean;
  /** The mount's user namespace is the initial one (release_agent= needs it). */
  readonly inInitUserNs: boolean;
}

/**
 * mount -t cgroup -o OPTIONS: reuses a hierarchy with the same name or the same controllers,
 * else creates one, taking its controllers away from v2. Returns the hierarchy id.
 */
export function mountCgroupV1(state: CgroupState, options: string, p: V1MountParams): Result<{ state: CgroupState; hierarchy: number }, Errno> {
  const parsed = parseV1Options(options, p.inInitUserNs);
  if (!parsed.ok) return parsed;
  const o = parsed.value;
  for (const h of state.v1.hierarchies) {
    if (o.name !== "" && o.name !== h.name) continue;
    if ((o.subsys !== 0 || o.none) && o.subsys !== h.subsys) {
      if (o.name === "") continue;
      return err("EBUSY");
    }
    return ok({ state: withHierarchy(state, { ...h, mounts: h.mounts + 1 }), hierarchy: h.id });
  }
  if (!p.inInitCgroupNs) return err("EPERM");
  if (!bindable(state, o.subsys)) return err("EBUSY");
  const h: V1Hierarchy = {
    id: state.v1.nextHierarchyId, subsys: o.subsys, name: o.name, releaseAgent: o.releaseAgent,
    cgroups: IMap<string, V1Cgroup>().set("/", newV1Cgroup("/", false, o.cloneChildren)),
    taskPath: IMap(), mounts: 1,
  };
  const root = getCg(state, state.root);
  const next: CgroupState = {
    ...state,
    config: { ...state.config, v2Bound: state.config.v2Bound & ~o.subsys },
    cgroups: state.cgroups.set(root.id, { ...root, subtreeControl: root.subtreeControl & ~o.subsys }),
    v1: { hierarchies: [h, ...state.v1.hierarchies], nextHierarchyId: h.id + 1 },
  };
  return ok({ state: next, hierarchy: h.id });
}

/**
 * umount: cgroup_kill_sb() frees a hierarchy at its last unmount when it has no child
 * cgroups; its controllers go back to v2. A hierarchy with children stays for the next mount.
 */
export function umountCgroupV1(state: CgroupState, id: number): CgroupState {
  const h = findHierarchy(state, id);
  if (!h) return state;
  const mounts = h.mounts - 1;
  const rootCg = h.cgroups.get("/");
  if (mounts > 0 || (rootCg && rootCg.children.length > 0)) return withHierarchy(state, { ...h, mounts: Math.max(0, mounts) });
  return {
    ...state,
    config: { ...state.config, v2Bound: state.config.v2Bound | h.subsys },
    v1: { ...state.v1, hierarchies: state.v1.hierarchies.filter((x) => x.id !== id) },
  };
}

export const findHierarchy = (state: CgroupState, id: number): V1Hierarchy | undefined =>
  state.v1.hierarchies.find((h) => h.id === id);

export const withHierarchy = (state: CgroupState, h: V1Hierarchy): CgroupState => ({
  ...state,
  v1: { ...state.v1, hierarchies: state.v1.hierarchies.map((x) => (x.id === h.id ? h : x)) },
});

const join = (parent: string, name: string): string => (parent === "/" ? `/${name}` : `${parent}/${name}`);

/** cgroup_mkdir() on v1: the child inherits notify_on_release and cgroup.clone_children. */
export function mkdirV1(state: CgroupState, id: number, parent: string, name: string): Result<CgroupState, Errno> {
  const h = findHierarchy(state, id);
  const p = h?.cgroups.get(parent);
  if (!h || !p) return err("ENOENT");
  if (name.includes("\n")) return err("EINVAL");
  if (p.children.includes(name) || name === "." || name === "..") return err("EEXIST");
  const path = join(parent, name);
  const cgroups = h.cgroups
    .set(parent, { ...p, children: [...p.children, name] })
    .set(path, newV1Cgroup(path, p.notifyOnRelease, p.cloneChildren));
  return ok(withHierarchy(state, { ...h, cgroups }));
}

/** rmdir on v1: EBUSY while populated or with children; then the parent may be released. */
export function rmdirV1(state: CgroupState, id: number, path: string): Result<{ state: CgroupState; effects: ReturnType<typeof checkForRelease> }, Errno> {
  const h = findHierarchy(state, id);
  const cg = h?.cgroups.get(path);
  if (!h || !cg) return err("ENOENT");
  if (path === "/" || cg.nrTasks > 0 || cg.children.length > 0) return err("EBUSY");
  const parentPath = path.slice(0, path.lastIndexOf("/")) || "/";
  const parent = h.cgroups.get(parentPath);
  if (!parent) return err("ENOENT");
  const name = path.slice(path.lastIndexOf("/") + 1);
  const next: V1Hierarchy = {
    ...h,
    cgroups: h.cgroups.remove(path).set(parentPath, { ...parent, children: parent.children.filter((c) => c !== name) }),
  };
  return ok({ state: withHierarchy(state, next), effects: checkForRelease(next, parentPath) });
}
