/**
 * The booted host's cgroup tree: systemd puts itself in /init.scope, each service in its
 * unit's cgroup, the login session in its scope; kernel threads stay in the root cgroup.
 */
import type { Controller } from "../cgroup/controllers";
import { buildHostCgroups } from "../cgroup/host-layout";
import type { CgroupState } from "../cgroup/types";
import type { Pid } from "../ids";
import type { KernelState } from "../state";

export interface BootCgroups {
  /** cgroup.subtree_control of each non-leaf cgroup, by path. */
  readonly subtreeControl: Readonly<Record<string, readonly Controller[]>>;
  /** The cgroup each service's process goes to, by comm; unlisted processes join init. */
  readonly units: Readonly<Record<string, string>>;
}

export function bootCgroups(state: KernelState, spec: BootCgroups): CgroupState {
  const units = new Map<string, Pid[]>([["/init.scope", []]]);
  const rootPids: Pid[] = [];
  for (const task of state.tasks.values()) {
    if (task.kthread) { rootPids.push(task.pid); continue; }
    const path = task.pid === 1 ? "/init.scope" : (spec.units[task.comm] ?? "/init.scope");
    units.set(path, [...(units.get(path) ?? []), task.pid]);
  }
  return buildHostCgroups({
    cpus: state.config.cpus,
    subtreeControl: spec.subtreeControl,
    units: [...units].map(([path, pids]) => ({ path, pids })),
    rootPids,
  });
}
