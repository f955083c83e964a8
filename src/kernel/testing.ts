/**
 * A test harness for kernel unit tests: a booted host and helpers that run syscalls and keep
 * the resulting state. Not exported through index.ts; tests of other layers use src/test.
 */
import type { BootSpec } from "./boot/boot";
import { bootKernel } from "./boot/boot";
import { UBUNTU_HOST } from "./boot/ubuntu-host";
import type { Cred } from "./cred/cred";
import type { Pid } from "./ids";
import type { KernelState } from "./state";
import { getNs, getTask, putNs, putTask } from "./state";
import type { SyscallOutcome } from "./syscalls/outcome";
import type { SyscallCall } from "./syscalls/table";
import { syscall } from "./syscalls/table";
import type { Task } from "./task/task";

export class KernelHarness {
  state: KernelState;
  /** The host's login shell (`-bash`), root in every initial namespace. */
  readonly shell: Pid;

  /** Boots `spec`: the Ubuntu host unless told otherwise (FEDORA_HOST for SELinux). */
  constructor(spec: BootSpec = UBUNTU_HOST) {
    this.state = bootKernel(spec);
    this.shell = [...this.state.tasks.values()].find((t) => t.comm === "bash")!.pid;
  }

  task(pid: Pid): Task {
    return getTask(this.state, pid);
  }

  /** Runs a syscall and keeps its resulting state. */
  call(pid: Pid, call: SyscallCall): SyscallOutcome {
    const out = syscall(this.state, pid, call);
    this.state = out.state;
    return out;
  }

  /** clone(2) that must succeed; returns the child's task. */
  fork(pid: Pid, flags = 0): Pid {
    const out = this.call(pid, { name: "clone", flags });
    if (!out.result.ok) throw new Error(`fork failed: ${out.result.error}`);
    return (out.result.value as { child: Pid }).child;
  }

  /**
   * Maps uid and gid 0 of the task's user namespace to its global ids, as
   * `unshare --map-root-user` does by writing uid_map and gid_map.
   */
  mapRoot(pid: Pid): void {
    const task = this.task(pid);
    const ns = getNs(this.state, task.cred.userNs, "user");
    const uidMap = [{ inside: 0, outside: task.cred.euid, count: 1 }];
    const gidMap = [{ inside: 0, outside: task.cred.egid, count: 1 }];
    this.state = putNs(this.state, { ...ns, uidMap, gidMap, setgroups: "deny" });
  }

  /** Replaces a task's credentials (as if it had been started that way). */
  setCred(pid: Pid, cred: Cred): void {
    this.state = putTask(this.state, { ...this.task(pid), cred });
  }
}
