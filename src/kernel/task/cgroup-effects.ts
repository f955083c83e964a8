/**
 * Carrying out what the cgroup subsystem decided: kills (cgroup.kill, the OOM killer), kernel
 * log lines, and the v1 release agent, which the kernel starts as root in the initial
 * namespaces (`kernel/cgroup/cgroup-v1.c: cgroup_release_agent()` → call_usermodehelper()).
 */
import type { CgroupEffect } from "../cgroup/types";
import { taskCgroupOf } from "../cgroup/tree";
import { INIT_CRED } from "../cred/cred";
import type { CgroupId, Pid } from "../ids";
import { pid as asPid } from "../ids";
import type { KernelState } from "../state";
import { getTask, printk, putTask } from "../state";
import { deliverSignal } from "./deliver";
import { linkChild } from "./fork";
import { allocPid } from "./pid-alloc";
import { SIGKILL } from "./signals";
import { INIT_NSPROXY } from "../boot/init-namespaces";
import { attachTask } from "../cgroup/membership";

/** The cgroup a task is in (its css_set's v2 cgroup). */
export function cgroupOf(state: KernelState, pid: Pid): CgroupId {
  const cg = taskCgroupOf(state.cgroup, pid);
  if (cg === undefined) throw new Error(`kernel invariant: task ${pid} has no cgroup`);
  return cg;
}

export function applyCgroupEffects(state: KernelState, effects: readonly CgroupEffect[]): KernelState {
  let s = state;
  for (const effect of effects) {
    switch (effect.kind) {
      case "log":
        s = printk(s, effect.level, effect.text);
        break;
      case "kill":
        for (const pid of effect.pids) if (s.tasks.get(pid)?.state !== "Z") s = deliverSignal(s, pid, SIGKILL, true)[0];
        break;
      case "release-agent":
        s = startUsermodeHelper(s, effect.argv, effect.envp);
        break;
      case "freeze":
      case "oom":
        // Frozen cgroups are skipped by the scheduler; OOM is run by the memory charge path.
        break;
    }
  }
  return s;
}

/** call_usermodehelper(): a child of kthreadd, root with every capability, initial namespaces. */
function startUsermodeHelper(state: KernelState, argv: readonly string[], envp: readonly string[]): KernelState {
  const kthreadd = getTask(state, asPid(2));
  const alloc = allocPid(state, INIT_NSPROXY.pidForChildren);
  if (!alloc.ok) return state;
  const [s1, child] = linkChild(alloc.state, { parent: kthreadd, cred: INIT_CRED, ns: INIT_NSPROXY, nr: alloc.nr });
  const path = argv[0] ?? "";
  const helper = { ...child, kthread: false, comm: path.split("/").pop()?.slice(0, 15) ?? "", argv, env: envp, exe: path, state: "R" as const };
  const s2 = putTask(s1, helper);
  return {
    ...s2,
    cgroup: attachTask(s2.cgroup, helper.pid, s2.cgroup.root),
    usermodeHelpers: s2.usermodeHelpers.push({ pid: helper.pid, argv, envp }),
  };
}
