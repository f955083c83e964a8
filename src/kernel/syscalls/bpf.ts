/**
 * bpf(2), the part container runtimes use on cgroup v2: attaching a BPF_PROG_TYPE_CGROUP_DEVICE
 * program to a cgroup (kernel/bpf/syscall.c: bpf_prog_attach() → cgroup_bpf_prog_attach()).
 * runc loads the program devicefilter.DeviceFilter() compiled from the container's device
 * rules and attaches it to the container's cgroup directory; from then on opening or making a
 * device node in that cgroup runs it (src/kernel/cgroup/devices.ts). Loading any program but
 * a socket filter needs bpf_capable() (bpf_prog_load()): CAP_BPF, or CAP_SYS_ADMIN as before
 * Linux 5.8, in the initial user namespace — whatever kernel.unprivileged_bpf_disabled says.
 * SIMPLIFICATION: BPF_PROG_LOAD and BPF_PROG_ATTACH are one call and the program is given as
 * the rules it was compiled from (no instructions, no program descriptor); a cgroup holds one
 * device program, which a new attach replaces (BPF_F_REPLACE).
 */
import { initNsId } from "../boot/init-namespaces";
import type { DeviceRule } from "../cgroup";
import { cgroupPath, setDevicePrograms } from "../cgroup";
import { capableCheck, nsCapable } from "../cred/capable";
import type { CgroupId } from "../ids";
import type { KernelState } from "../state";
import type { Task } from "../task/task";
import type { Check } from "../trace";
import { deny, pass } from "../trace";
import { fileOf } from "../vfs/files";
import { isDir } from "../vfs/mode";
import { getMount } from "../vfs/mount-tree";
import { attrOf } from "../vfs/node";
import { getSb } from "../vfs/sb-access";
import { failed, fsCtx } from "../vfs/sys-common";
import type { SyscallOutcome } from "./outcome";
import { succeed } from "./outcome";

export interface BpfCall {
  readonly name: "bpf";
  readonly cmd: "BPF_PROG_ATTACH" | "BPF_PROG_DETACH";
  readonly attachType: "BPF_CGROUP_DEVICE";
  /** target_fd: a descriptor of the cgroup's directory on a cgroup2 mount. */
  readonly targetFd: number;
  /** BPF_PROG_ATTACH: the device program, as the rules it was compiled from. */
  readonly program?: readonly DeviceRule[];
}

/** bpf_capable(): CAP_BPF, or CAP_SYS_ADMIN as before Linux 5.8. */
function bpfCapable(state: KernelState, caller: Task): Check {
  const init = initNsId("user");
  const what = "loading a BPF_PROG_TYPE_CGROUP_DEVICE program";
  if (nsCapable(state, caller.cred, init, "CAP_BPF")) return capableCheck(state, caller.cred, init, "CAP_BPF", what);
  return capableCheck(state, caller.cred, init, "CAP_SYS_ADMIN", `${what} (bpf_capable(): CAP_BPF or CAP_SYS_ADMIN)`);
}

/** cgroup_get_from_fd(): the cgroup whose directory `fd` has open. */
function cgroupOfFd(state: KernelState, caller: Task, fd: number): CgroupId | Check {
  const file = fileOf(state, caller, fd);
  if (!file) return deny("kernel", "fdget", `${fd} is not an open file descriptor`, "EBADF");
  const mount = getMount(state, file.path.mnt);
  const attr = attrOf(fsCtx(state, caller), mount.sb, file.path.node);
  if (getSb(state, mount.sb).fstype !== "cgroup2" || !attr || !isDir(attr.mode) || !state.cgroup.cgroups.has(attr.ino as CgroupId)) {
    return deny("kernel", "cgroup_get_from_fd", `descriptor ${fd} is not a cgroup2 directory`, "EBADF");
  }
  return attr.ino as CgroupId;
}

export function sysBpf(state: KernelState, caller: Task, call: BpfCall): SyscallOutcome<0> {
  const cap = bpfCapable(state, caller);
  if (cap.verdict === "deny") return failed(state, [cap]);
  const cg = cgroupOfFd(state, caller, call.targetFd);
  if (typeof cg !== "number") return failed(state, [cap, cg]);
  const path = cgroupPath(state.cgroup, cg);
  if (call.cmd === "BPF_PROG_DETACH") {
    if (!state.cgroup.cgroups.get(cg)?.devices) return failed(state, [cap, deny("kernel", "__cgroup_bpf_detach", `no device program is attached to ${path}`, "ENOENT")]);
    const detached = { ...state, cgroup: setDevicePrograms(state.cgroup, cg, null) };
    return succeed(detached, [cap, pass("cgroup", "cgroup_bpf_detach", `the device program of ${path} is detached: its processes may open any device node again`)], 0);
  }
  if (!call.program) return failed(state, [cap, deny("kernel", "bpf_prog_get", "BPF_PROG_ATTACH needs a loaded program", "EINVAL")]);
  const attached = { ...state, cgroup: setDevicePrograms(state.cgroup, cg, call.program) };
  const rules = call.program.filter((r) => r.allow).length;
  return succeed(attached, [cap, pass("cgroup", "cgroup_bpf_attach", `a device program (${rules} allow rules) is attached to ${path}: its processes may open only the devices it allows`)], 0);
}
