/**
 * The device controller of cgroup v2: it has no interface files. A container runtime attaches a
 * BPF_PROG_TYPE_CGROUP_DEVICE program to the container's cgroup (runc libcontainer/cgroups/
 * devices: devicefilter.DeviceFilter() compiles the OCI `linux.resources.devices` rules into
 * one), and the kernel runs every program attached to the task's cgroup and its ancestors
 * (BPF_F_ALLOW_MULTI) when a device node is opened or made (security/device_cgroup.c:
 * devcgroup_check_permission() → BPF_CGROUP_RUN_PROG_DEVICE_CGROUP). One refusal is EPERM.
 * SIMPLIFICATION: a program is kept as the rules runc compiled it from, not as instructions;
 * a cgroup holds one device program.
 */
import type { CgroupId, Pid } from "../ids";
import { ancestors, cgroupPath, getCg, putCg, taskCgroupOf } from "./tree";
import type { CgroupState, DeviceRule } from "./types";

export type { DeviceRule };

/** What a task asks of a device: `r`, `w`, `rw` on open, `m` on mknod. */
export type DeviceAccess = "r" | "w" | "rw" | "m";

const rule = (type: "c" | "b", major: number | "*", minor: number | "*", access = "rwm"): DeviceRule => ({ allow: true, type, major, minor, access });

/**
 * Docker's default rules, in the order runc receives them: deny everything, then allow mknod of
 * any node and read/write of the devices every container gets (moby oci/defaults.go and runc
 * specconv AllowedDevices). cgroup v1 shows them in devices.list as recorded (reference
 * transcript 10_container_default: `c *:* m`, `b *:* m`, `c 1:3 rwm` … `c 10:200 rwm`).
 */
export const DOCKER_DEFAULT_DEVICE_RULES: readonly DeviceRule[] = [
  { allow: false, type: "a", major: "*", minor: "*", access: "rwm" },
  rule("c", "*", "*", "m"), rule("b", "*", "*", "m"),
  rule("c", 1, 3), rule("c", 1, 5), rule("c", 1, 7), rule("c", 1, 8), rule("c", 1, 9),
  rule("c", 5, 0), rule("c", 5, 1), rule("c", 5, 2), rule("c", 136, "*"), rule("c", 10, 200),
];

/** `--privileged`: "the device cgroup rule becomes allow-all `a *:* rwm`" (reference §3.3). */
export const PRIVILEGED_DEVICE_RULES: readonly DeviceRule[] = [{ allow: true, type: "a", major: "*", minor: "*", access: "rwm" }];

/** `c 1:3 rwm`, as devices.list prints a rule. */
export const deviceRuleText = (r: DeviceRule): string => `${r.type} ${r.major}:${r.minor} ${r.access}`;

function matches(r: DeviceRule, type: "c" | "b", major: number, minor: number, access: DeviceAccess): boolean {
  return (r.type === "a" || r.type === type) && (r.major === "*" || r.major === major) &&
    (r.minor === "*" || r.minor === minor) && [...access].every((a) => r.access.includes(a));
}

/**
 * One program's answer: the last rule that covers the whole request decides (so a later allow
 * punches a hole in an earlier `a *:* rwm` deny, as runc's emulator orders them); no rule, no access.
 */
export function deviceRuleFor(rules: readonly DeviceRule[], type: "c" | "b", major: number, minor: number, access: DeviceAccess): DeviceRule | undefined {
  for (let i = rules.length - 1; i >= 0; i--) {
    const r = rules[i] as DeviceRule;
    if (matches(r, type, major, minor, access)) return r;
  }
  return undefined;
}

export interface DeviceVerdict {
  readonly allowed: boolean;
  /** The cgroup whose program decided (the first refusal, or the nearest that allowed). */
  readonly cgroup: string;
  readonly rule: DeviceRule | undefined;
}

/**
 * Runs the device programs of the task's cgroup and its ancestors; undefined when none is
 * attached (the host's processes), so no device check happens at all.
 */
export function deviceAccess(state: CgroupState, pid: Pid, type: "c" | "b", major: number, minor: number, access: DeviceAccess): DeviceVerdict | undefined {
  const id = taskCgroupOf(state, pid);
  if (id === undefined) return undefined;
  let first: DeviceVerdict | undefined;
  for (const cg of ancestors(state, id)) {
    if (!cg.devices) continue;
    const r = deviceRuleFor(cg.devices, type, major, minor, access);
    const verdict: DeviceVerdict = { allowed: r?.allow === true, cgroup: cgroupPath(state, cg.id), rule: r };
    if (!verdict.allowed) return verdict;
    first ??= verdict;
  }
  return first;
}

/** BPF_PROG_ATTACH with BPF_F_REPLACE of the cgroup's device program (or detach, with null). */
export function setDevicePrograms(state: CgroupState, id: CgroupId, rules: readonly DeviceRule[] | null): CgroupState {
  return putCg(state, { ...getCg(state, id), devices: rules });
}
