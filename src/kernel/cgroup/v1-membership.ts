/**
 * Task membership in v1 hierarchies and the release notification: "If the notify_on_release
 * flag is enabled (1) in a cgroup, then whenever the last task in the cgroup leaves (exits or
 * attaches to some other cgroup) and the last child cgroup of that cgroup is removed, then the
 * kernel runs the command specified by the contents of the release_agent file in that
 * hierarchy's root directory" — Documentation/admin-guide/cgroup-v1/cgroups.rst
 */
import type { Pid } from "../ids";
import type { CgroupEffect } from "./types";
import type { V1Cgroup, V1Hierarchy, V1State } from "./v1-types";

/** The path and its ancestors below the root: `/a/b` → [`/a/b`, `/a`]. */
export function v1Ancestors(path: string): string[] {
  const out: string[] = [];
  for (let p = path; p !== "/" && p !== ""; p = p.slice(0, p.lastIndexOf("/")) || "/") out.push(p);
  return out;
}

function getV1(h: V1Hierarchy, path: string): V1Cgroup {
  const cg = h.cgroups.get(path);
  if (!cg) throw new Error(`kernel invariant: no v1 cgroup ${path}`);
  return cg;
}

/**
 * cgroup_release_agent(): argv = { release_agent_path, cgroup path }, envp = { HOME=/,
 * PATH=/sbin:/bin:/usr/sbin:/usr/bin }, run by call_usermodehelper() as root in the init
 * namespaces. Nothing runs when release_agent is empty.
 */
export function releaseEffect(h: V1Hierarchy, path: string): CgroupEffect[] {
  if (h.releaseAgent === "") return [];
  return [{ kind: "release-agent", argv: [h.releaseAgent, path], envp: ["HOME=/", "PATH=/sbin:/bin:/usr/sbin:/usr/bin"] }];
}

/** cgroup1_check_for_release(): notify_on_release set, no tasks, no child cgroups. */
export function checkForRelease(h: V1Hierarchy, path: string): CgroupEffect[] {
  const cg = h.cgroups.get(path);
  if (!cg || path === "/" || !cg.notifyOnRelease || cg.nrTasks > 0 || cg.children.length > 0) return [];
  return releaseEffect(h, path);
}

/** Moves `delta` tasks in or out of `path` and its ancestors; returns those that emptied. */
function bump(h: V1Hierarchy, path: string, delta: number): { h: V1Hierarchy; emptied: string[] } {
  let cgroups = h.cgroups;
  const emptied: string[] = [];
  for (const p of v1Ancestors(path)) {
    const cg = getV1(h, p);
    cgroups = cgroups.set(p, { ...cg, nrTasks: cg.nrTasks + delta });
    if (cg.nrTasks > 0 && cg.nrTasks + delta === 0) emptied.push(p);
  }
  return { h: { ...h, cgroups }, emptied };
}

/** Puts a task into `path` of one hierarchy (cgroup1 attach); effects for the cgroups it left. */
export function v1Place(h: V1Hierarchy, pid: Pid, path: string): { h: V1Hierarchy; effects: CgroupEffect[] } {
  const from = h.taskPath.get(pid) ?? "/";
  if (from === path) return { h, effects: [] };
  let next = h;
  let emptied: string[] = [];
  if (from !== "/") {
    const src = getV1(next, from);
    next = { ...next, cgroups: next.cgroups.set(from, { ...src, procs: src.procs.remove(pid) }) };
    ({ h: next, emptied } = bump(next, from, -1));
  }
  if (path !== "/") {
    const dst = getV1(next, path);
    next = { ...next, cgroups: next.cgroups.set(path, { ...dst, procs: dst.procs.add(pid) }), taskPath: next.taskPath.set(pid, path) };
    next = bump(next, path, 1).h;
  } else {
    next = { ...next, taskPath: next.taskPath.remove(pid) };
  }
  return { h: next, effects: emptied.flatMap((p) => checkForRelease(next, p)) };
}

/** A child starts in its parent's cgroup of every hierarchy (no release can follow). */
export function v1ForkTask(v1: V1State, parent: Pid, child: Pid): V1State {
  if (v1.hierarchies.length === 0) return v1;
  return { ...v1, hierarchies: v1.hierarchies.map((h) => v1Place(h, child, h.taskPath.get(parent) ?? "/").h) };
}

/** An exiting task leaves every hierarchy; emptied cgroups may run the release agent. */
export function v1ExitTask(v1: V1State, pid: Pid): { v1: V1State; effects: CgroupEffect[] } {
  if (v1.hierarchies.length === 0) return { v1, effects: [] };
  const effects: CgroupEffect[] = [];
  const hierarchies = v1.hierarchies.map((h) => {
    const placed = v1Place(h, pid, "/");
    effects.push(...placed.effects);
    return { ...placed.h, taskPath: placed.h.taskPath.remove(pid) };
  });
  return { v1: { ...v1, hierarchies }, effects };
}
