/**
 * The device cgroup at the VFS (security/device_cgroup.c: devcgroup_inode_permission() from
 * inode_permission() on open, devcgroup_inode_mknod() from vfs_mknod()): on cgroup v2 the BPF
 * programs a runtime attached to the task's cgroup decide; a refusal is EPERM, so in a Docker
 * container `mknod /tmp/sda b 8 0` succeeds (`b *:* m`) but opening the node fails with
 * "Operation not permitted" (reference transcript 10_container_default).
 */
import type { DeviceAccess } from "../cgroup/devices";
import { deviceAccess, deviceRuleText } from "../cgroup/devices";
import type { KernelState } from "../state";
import type { Task } from "../task/task";
import type { Check } from "../trace";
import { deny, pass } from "../trace";

const RULE = "devcgroup_check_permission (BPF_CGROUP_DEVICE)";
const ACCESS_WORDS: Readonly<Record<DeviceAccess, string>> = { r: "reading", w: "writing", rw: "reading and writing", m: "creating (mknod)" };

/**
 * The device programs' answer for `access` to device `major:minor`; undefined when no program
 * is attached to the task's cgroup or its ancestors (processes on the host).
 */
export function deviceCgroupCheck(state: KernelState, task: Task, type: "chr" | "blk", major: number, minor: number, access: DeviceAccess): Check | undefined {
  const t = type === "chr" ? "c" : "b";
  const v = deviceAccess(state.cgroup, task.pid, t, major, minor, access);
  if (!v) return undefined;
  const what = `${ACCESS_WORDS[access]} ${type === "chr" ? "character" : "block"} device ${major}:${minor}`;
  if (v.allowed && v.rule) return pass("cgroup", RULE, `the device program of ${v.cgroup} allows ${what} (\`${deviceRuleText(v.rule)}\`)`);
  const why = v.rule ? `its rule \`deny ${deviceRuleText(v.rule)}\` covers it and no later rule allows it` : "none of its rules allows it";
  return deny("cgroup", RULE, `the device program of ${v.cgroup} refuses ${what}: ${why}`, "EPERM");
}

/** The device access an open asks for, from MAY_READ (4) and MAY_WRITE (2); none for neither. */
export function deviceAccessOf(mask: number): DeviceAccess | undefined {
  const r = (mask & 4) !== 0;
  const w = (mask & 2) !== 0;
  return r && w ? "rw" : r ? "r" : w ? "w" : undefined;
}
