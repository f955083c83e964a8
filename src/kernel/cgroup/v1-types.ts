/**
 * cgroup v1 hierarchies: what `mount -t cgroup -o …` creates. The simulator models them for
 * the escape scenarios (release_agent), so they carry membership and release notification,
 * not resource control.
 */
import type { Map as IMap, OrderedSet } from "immutable";
import type { Pid } from "../ids";
import type { SubsysMask } from "./controllers";

export interface V1Cgroup {
  /** Path from the hierarchy root: `/` or `/x/y`. */
  readonly path: string;
  readonly children: readonly string[];
  readonly procs: OrderedSet<Pid>;
  /** Processes in this cgroup and below (the root's count is implicit: every task). */
  readonly nrTasks: number;
  readonly notifyOnRelease: boolean;
  readonly cloneChildren: boolean;
}

export interface V1Hierarchy {
  /** `hierarchy_id`: the first number of a `/proc/PID/cgroup` line. */
  readonly id: number;
  readonly subsys: SubsysMask;
  /** `name=` option; empty for none. */
  readonly name: string;
  /** `release_agent` (root only), empty when unset. */
  readonly releaseAgent: string;
  readonly cgroups: IMap<string, V1Cgroup>;
  /** Processes not in the root cgroup of this hierarchy; absent means `/`. */
  readonly taskPath: IMap<Pid, string>;
  /** Live mounts of this hierarchy (cgroup_kill_sb() drops the hierarchy at the last umount). */
  readonly mounts: number;
}

export interface V1State {
  /** Newest first, as `for_each_root()` walks `cgroup_roots`. */
  readonly hierarchies: readonly V1Hierarchy[];
  readonly nextHierarchyId: number;
}
