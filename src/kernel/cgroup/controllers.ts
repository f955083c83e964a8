/**
 * The cgroup subsystems of a Linux 6.18 kernel built like Ubuntu's, in the order of
 * `include/linux/cgroup_subsys.h` (their ssid order). That order is what `cgroup.controllers`,
 * `cgroup.stat` and `/proc/PID/cgroup` print, so masks over it keep every listing in kernel order.
 */

/** Every subsystem, by its v2 name (`ss->name`), in ssid order. */
export const SUBSYS = [
  "cpuset", "cpu", "cpuacct", "io", "memory", "devices", "freezer", "net_cls", "perf_event",
  "net_prio", "hugetlb", "pids", "rdma", "misc",
] as const;
export type Subsys = (typeof SUBSYS)[number];

/** The controllers that have v2 interface files (`ss->dfl_cftypes`); the others are v1-only. */
export const V2_CONTROLLERS = ["cpuset", "cpu", "io", "memory", "hugetlb", "pids", "rdma", "misc"] as const;
export type Controller = (typeof V2_CONTROLLERS)[number];

/** A set of subsystems as a bitmask over SUBSYS indices (`u16 subsys_mask` in Linux). */
export type SubsysMask = number;

export const subsysBit = (s: Subsys): SubsysMask => 1 << SUBSYS.indexOf(s);
export const maskHas = (mask: SubsysMask, s: Subsys): boolean => (mask & subsysBit(s)) !== 0;
export const maskOf = (list: readonly Subsys[]): SubsysMask => list.reduce((m, s) => m | subsysBit(s), 0);
export const subsysIn = (mask: SubsysMask): Subsys[] => SUBSYS.filter((s) => maskHas(mask, s));

export const V2_MASK: SubsysMask = maskOf(V2_CONTROLLERS);
/**
 * perf_event is "implicit on dfl": always enabled everywhere on v2, never listed in
 * cgroup.controllers, but counted in cgroup.stat (`nr_subsys_perf_event`).
 * — kernel/events/core.c: `.implicit_on_dfl = true`
 */
export const IMPLICIT_MASK: SubsysMask = subsysBit("perf_event");
/** v1-only controllers: bound to the v2 root but "inhibited" there (cgrp_dfl_inhibit_ss_mask). */
export const V1_ONLY_MASK: SubsysMask = maskOf(["cpuacct", "devices", "freezer", "net_cls", "net_prio"]);
export const ALL_MASK: SubsysMask = maskOf(SUBSYS);

/** The name v1 uses (`ss->legacy_name`): only io differs, as `blkio`. */
export const legacyName = (s: Subsys): string => (s === "io" ? "blkio" : s);

export function subsysByLegacyName(name: string): Subsys | undefined {
  return SUBSYS.find((s) => legacyName(s) === name);
}

export const isController = (name: string): name is Controller =>
  (V2_CONTROLLERS as readonly string[]).includes(name);
