/**
 * Test helpers for the LSM and device-cgroup hooks: a confined task, a container-like task
 * that has pivoted into its own root, and a cgroup with a device program attached through
 * bpf(2) as runc does it. Used by the tests beside this file; not exported through index.ts.
 */
import type { DeviceRule } from "../cgroup/types";
import type { Pid } from "../ids";
import { CLONE_NEWNS, CLONE_NEWPID } from "../ns/namespace";
import { putTask } from "../state";
import type { KernelHarness } from "../testing";
import { must, writeFile } from "./fs-harness";
import { MNT_DETACH, MS_PRIVATE, MS_REC } from "./mount-flags";
import { O_DIRECTORY } from "./open-flags";

/** Gives a task an LSM label (AppArmor profile or SELinux context) and the command name `comm`. */
export function label(k: KernelHarness, pid: Pid, lsm: string, comm = "sh"): Pid {
  k.state = putTask(k.state, { ...k.task(pid), lsm: { label: lsm }, comm });
  return pid;
}

/** A child of the host shell running as `sh` under `lsm`. */
export const confined = (k: KernelHarness, lsm: string): Pid => label(k, k.fork(k.shell), lsm);

/**
 * A container-like task: new mount and PID namespaces, a tmpfs root with /proc mounted and
 * /tmp and /dev made, pivot_root'ed into it, then labelled (as runc applies the profile last).
 */
export function pivoted(k: KernelHarness, lsm: string): Pid {
  const c = k.fork(k.shell, CLONE_NEWNS | CLONE_NEWPID);
  const mount = (source: string | null, target: string, fstype: string | null, flags = 0, data: string | null = null) =>
    must(k, c, { name: "mount", source, target, fstype, flags, data });
  mount(null, "/", null, MS_REC | MS_PRIVATE);
  mount("tmpfs", "/mnt", "tmpfs");
  for (const d of ["proc", "tmp", "dev", "sys"]) must(k, c, { name: "mkdir", path: `/mnt/${d}`, mode: 0o755 });
  mount("proc", "/mnt/proc", "proc");
  must(k, c, { name: "chdir", path: "/mnt" });
  must(k, c, { name: "pivot_root", newRoot: ".", putOld: "." });
  must(k, c, { name: "umount2", target: ".", flags: MNT_DETACH });
  return label(k, c, lsm);
}

/** Moves `pid` into a new cgroup at `path` and attaches a device program with `rules` there. */
export function deviceCgroup(k: KernelHarness, pid: Pid, path: string, rules: readonly DeviceRule[]): void {
  must(k, k.shell, { name: "mkdir", path: `/sys/fs/cgroup${path}`, mode: 0o755 });
  if (writeFile(k, k.shell, `/sys/fs/cgroup${path}/cgroup.procs`, String(pid)) !== "ok") throw new Error(`cannot move ${pid} to ${path}`);
  const { fd } = must<{ fd: number }>(k, k.shell, { name: "openat", path: `/sys/fs/cgroup${path}`, flags: O_DIRECTORY });
  must(k, k.shell, { name: "bpf", cmd: "BPF_PROG_ATTACH", attachType: "BPF_CGROUP_DEVICE", targetFd: fd, program: rules });
  must(k, k.shell, { name: "close", fd });
}
