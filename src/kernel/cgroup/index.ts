// The cgroup subsystem's public surface; src/kernel/index.ts re-exports from here.
export type { Controller, Subsys, SubsysMask } from "./controllers";
export { SUBSYS, V2_CONTROLLERS, legacyName, maskOf, subsysIn } from "./controllers";
export type {
  Cgroup, CgroupConfig, CgroupEffect, CgroupState, CpuState, DeviceRule, IoState, MemoryEvents, MemoryState, PidsState,
} from "./types";
export type { DeviceAccess, DeviceVerdict } from "./devices";
export {
  DOCKER_DEFAULT_DEVICE_RULES, PRIVILEGED_DEVICE_RULES, deviceAccess, deviceRuleFor, deviceRuleText, setDevicePrograms,
} from "./devices";
export { MAX } from "./types";
export type { V1Cgroup, V1Hierarchy, V1State } from "./v1-types";
export type { HostCgroupLayout } from "./host-layout";
export { UBUNTU_SUBTREE_CONTROL, UBUNTU_UNITS, buildHostCgroups, dockerScopePath, emptyCgroupState } from "./host-layout";
export {
  ancestors, cgroupPath, cssOwner, findCg, getCg, hasCss, isDescendant, isFrozen, lookupPath, subtreePids, taskCgroupOf,
} from "./tree";
export { mkdirCgroup, mkdirPath, rmdirCgroup } from "./mkdir-rmdir";
export { attachTask, exitTask, migrateTask } from "./membership";
export { listFiles } from "./files-list";
export { isReadable, isWritable, readFile, writeFile } from "./files";
export type { ReadContext } from "./read-core";
export type { WriteContext, WriteOk, WriteResult } from "./write-types";
export type { ForkCharged, ForkRejected } from "./pids";
export { forkTask, pidsCurrent } from "./pids";
export type { MemoryOverLimit } from "./memory-charge";
export { chargeMemory, chargedBytes, memcgOf, unchargeAllMemory, unchargeMemory } from "./memory-charge";
export type { OomReportInput, OomTask } from "./oom";
export { OOM_SCORE_ADJ_MIN, oomBadness, oomReport, oomTaskLine, oomTotalPages, recordOomKill, selectOomVictim } from "./oom";
export type { CpuTick, CpuTickResult, RunnableTask } from "./cpu-share";
export { accountCpu } from "./cpu-share";
export type { V1MountParams } from "./v1";
export { findHierarchy, mkdirV1, mountCgroupV1, rmdirV1, umountCgroupV1 } from "./v1";
export type { V1WriteContext } from "./v1-files";
export { listV1Files, readV1File, writeV1File } from "./v1-files";
export type { CgroupNsRoots } from "./proc-cgroup";
export { cgroupNsRootsOf, cgroupPathFrom, initCgroupNsRoots, procPidCgroup, v1PathFrom } from "./proc-cgroup";
