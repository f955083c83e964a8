/**
 * Creating a task from its parent (`kernel/fork.c: copy_process()`): the child shares or
 * receives new namespaces, gets PID numbers at every level, and is linked under its parent.
 */
import type { Cred } from "../cred/cred";
import type { NsId, Pid } from "../ids";
import { pid as asPid } from "../ids";
import { getNsRefs } from "../ns/ns-ops";
import type { KernelState } from "../state";
import { OrderedSet, copyState, getNs } from "../state";
import { attachPid } from "./pid-alloc";
import type { NsProxy, Task } from "./task";
import { copyTask } from "./task";
import { IDLE } from "./activity";
import { forkFiles } from "../vfs/files";

/** Every namespace reference a live task holds. */
export const nsRefsOf = (task: Pick<Task, "ns" | "cred" | "pidNs">): NsId[] => [
  task.ns.mnt, task.ns.uts, task.ns.ipc, task.ns.net, task.ns.cgroup, task.ns.time,
  task.ns.pidForChildren, task.ns.timeForChildren, task.cred.userNs, task.pidNs,
];

export interface ChildSpec {
  readonly parent: Task;
  readonly cred: Cred;
  /** The child's nsproxy; its pidForChildren is the PID namespace the child is created in. */
  readonly ns: NsProxy;
  readonly nr: readonly number[];
}

/** Adds the child task; its global pid is its number in the initial PID namespace. */
export function linkChild(state: KernelState, spec: ChildSpec): readonly [KernelState, Task] {
  const { parent, nr } = spec;
  // The child lives in its nsproxy's pid_for_children and time_for_children namespaces.
  const pidNs = spec.ns.pidForChildren;
  // The child starts as a copy of its parent (see copyTask() for why not a spread).
  const draft = copyTask(parent);
  draft.pid = asPid(nr[0] as number);
  draft.ppid = parent.pid;
  draft.nr = nr;
  draft.pidNs = pidNs;
  const { mnt, uts, ipc, net, cgroup, pidForChildren, timeForChildren } = spec.ns;
  draft.ns = { mnt, uts, ipc, net, cgroup, time: timeForChildren, pidForChildren, timeForChildren };
  draft.cred = spec.cred;
  draft.state = "R";
  draft.exitStatus = null;
  draft.signals = { pending: [], dispositions: parent.signals.dispositions };
  draft.startNs = state.nowNs;
  draft.cpuNs = 0;
  draft.activity = IDLE;
  draft.heldNs = [];
  const child: Task = draft;
  let next = attachPid(state, pidNs, nr, child.pid);
  next = getNsRefs(next, nsRefsOf(child));
  // dup_fd(): the child's table names the same open file descriptions.
  next = forkFiles(next, child);
  const ns = getNs(next, pidNs, "pid");
  if (ns.init === null) next = { ...next, namespaces: next.namespaces.set(ns.id, { ...ns, init: child.pid }) };
  const children = next.children.set(parent.pid, (next.children.get(parent.pid) ?? OrderedSet<Pid>()).add(child.pid));
  const linked = copyState(next);
  linked.tasks = next.tasks.set(child.pid, child);
  linked.children = children;
  return [linked, child] as const;
}
