// Door of src/kernel: other layers import only from here.
export type { Pid, NsPid, NsId, Kuid, Kgid, Uid, Gid, CgroupId } from "./ids";
export { pid, nsId, kuid, kgid, OVERFLOW_UID } from "./ids";
export type { Errno } from "./errno";
export { ERRNO, errnoNumber, strerror } from "./errno";
export type { Check, CheckLayer, Trace } from "./trace";
export { blockingCheck } from "./trace";
export type { Capability, CapSet } from "./caps/capabilities";
export {
  CAPABILITIES, CAP_LAST_CAP, ALL_CAPS, EMPTY_CAPS, DOCKER_DEFAULT_CAPS, capSetOf, capHex, capsIn, hasCap,
  capUnion, capWithout, capIntersect, parseCapHex,
} from "./caps/capabilities";
export type { Cred, CapSets } from "./cred/cred";
export type { Namespace, NsType, UserNs, PidNs, UtsNs, TimeNs, CgroupNs, IdMapEntry } from "./ns/namespace";
export { NS_TYPES, CLONE_FLAG, INIT_NS_INODE, nsLinkText } from "./ns/namespace";
export type { Task, NsProxy, TaskState } from "./task/task";
export type { Activity } from "./task/activity";
export { SIGNALS, signalName, shellStatus } from "./task/signals";
export { pidNrIn, findTaskByNr } from "./task/pid-alloc";
export type { KernelState, KernelConfig, LogLine } from "./state";
export { getTask, getNs } from "./state";
export type { BootSpec, ProcessSpec } from "./boot/boot";
export { bootKernel } from "./boot/boot";
export { UBUNTU_HOST } from "./boot/ubuntu-host";
export { FEDORA_HOST } from "./boot/fedora-host";
export type { DeviceRule } from "./cgroup/types";
export { DOCKER_DEFAULT_DEVICE_RULES, PRIVILEGED_DEVICE_RULES, deviceRuleText } from "./cgroup/devices";
export type { SyscallCall, SyscallName } from "./syscalls/table";
export { syscall } from "./syscalls/table";
export type { SyscallOutcome } from "./syscalls/outcome";
export type { KernelEvent } from "./actor/world-event";
export { applyEvent, replay } from "./actor/world-event";
export type { KernelContext, KernelMachineEvent } from "./actor/kernel.machine";
export { kernelMachine } from "./actor/kernel.machine";
export { advanceTime } from "./sched/advance";
export type { FaultAccess } from "./task/user-fault";
export { userFault } from "./task/user-fault";
export { checkInvariants } from "./invariants";
export { serializeKernel, sameState } from "./serialize";
export {
  O_RDONLY, O_WRONLY, O_RDWR, O_ACCMODE, O_CREAT, O_EXCL, O_TRUNC, O_APPEND, O_DIRECTORY, O_NOFOLLOW, O_CLOEXEC, AT_FDCWD,
} from "./vfs/open-flags";
export { WNOHANG } from "./syscalls/wait4";
export type { WaitResult } from "./syscalls/wait4";
export { CLOCK_REALTIME, CLOCK_MONOTONIC, CLOCK_BOOTTIME, TIMER_ABSTIME } from "./syscalls/clock";
export type { Timespec } from "./syscalls/clock";
export { F_DUPFD, F_DUPFD_CLOEXEC, F_GETFD, F_SETFD, FD_CLOEXEC } from "./syscalls/dup";
export type { Dirent64 } from "./syscalls/getdents64";
export type { StatResult } from "./vfs/stat-result";
export type { Blocked } from "./syscalls/outcome";
export {
  MS_RDONLY, MS_NOSUID, MS_NODEV, MS_NOEXEC, MS_SYNCHRONOUS, MS_REMOUNT, MS_MANDLOCK, MS_DIRSYNC, MS_NOSYMFOLLOW, MS_NOATIME,
  MS_NODIRATIME, MS_BIND, MS_MOVE, MS_REC, MS_SILENT, MS_UNBINDABLE, MS_PRIVATE, MS_SLAVE, MS_SHARED, MS_RELATIME,
  MS_STRICTATIME, MS_LAZYTIME,
} from "./vfs/mount-flags";
export { S_IFMT, S_IFSOCK, S_IFLNK, S_IFREG, S_IFBLK, S_IFDIR, S_IFCHR, S_IFIFO } from "./vfs/mode";
