/**
 * Task exit and release (`kernel/exit.c: do_exit()`, `exit_notify()`, `release_task()`):
 * the task becomes a zombie holding only its PID and cred, its children go to the child
 * reaper of its PID namespace, and its parent reaps it with wait(2) — or at once when the
 * parent ignores SIGCHLD. When a PID namespace's init exits, every task in the namespace is
 * killed (`zap_pid_ns_processes()`) and the namespace takes no new members.
 */
import type { Pid } from "../ids";
import { pid as asPid } from "../ids";
import { putNsRefs } from "../ns/ns-ops";
import type { KernelState } from "../state";
import { OrderedSet, copyState, getNs, getTask, putTask } from "../state";
import { IDLE } from "./activity";
import { detachPid } from "./pid-alloc";
import { SIGCHLD, SIGKILL, signaledStatus } from "./signals";
import type { Task } from "./task";
import { copyTask } from "./task";
import { closeAllFiles } from "../vfs/files";
import { exitSockets } from "../net/sockets";
import { exitShm } from "../ipc/shm";
import { exitTask as cgroupExit } from "../cgroup/membership";
import { applyCgroupEffects } from "./cgroup-effects";

/** Ends a task with a wait(2) status word. A zombie or unknown task is left alone. */
export function exitTask(state: KernelState, pid: Pid, status: number): KernelState {
  const task = state.tasks.get(pid);
  if (!task || task.state === "Z") return state;
  const ns = getNs(state, task.pidNs, "pid");
  let s = state;
  if (ns.init === pid) s = zapPidNamespace(s, task);
  // exit_mm() detaches shared memory; the task's sockets close with its files.
  s = exitShm(exitSockets(s, pid), pid);
  const zombie = copyTask(getTask(s, pid));
  zombie.state = "Z";
  zombie.exitStatus = status;
  zombie.activity = IDLE;
  zombie.memory = { vszKb: 0, rssKb: 0 };
  // exit_task_namespaces(): the nsproxy goes now; the PID and cred stay until release.
  // exit_files() comes first: open descriptions (and namespaces they hold) are released.
  const refs = [
    task.ns.mnt, task.ns.uts, task.ns.ipc, task.ns.net, task.ns.cgroup, task.ns.time,
    task.ns.pidForChildren, task.ns.timeForChildren,
  ];
  for (const held of task.heldNs) refs.push(held);
  s = putNsRefs(closeAllFiles(putTask(s, zombie), pid), refs);
  // cgroup_exit() and the memcg uncharge; a v1 cgroup left empty may run its release agent.
  // SIMPLIFICATION: pids.current drops at exit, not when the zombie is reaped.
  const left = cgroupExit(s.cgroup, pid);
  const exited = copyState(s);
  exited.cgroup = left.state;
  s = applyCgroupEffects(exited, left.effects);
  s = reparentChildren(s, zombie);
  return notifyParent(s, zombie);
}

/** Kills every other task of the namespace (and of namespaces below it), then reaps them. */
function zapPidNamespace(state: KernelState, init: Task): KernelState {
  const ns = getNs(state, init.pidNs, "pid");
  let s: KernelState = { ...state, namespaces: state.namespaces.set(ns.id, { ...ns, adding: false }) };
  const members = [...(s.pidNrs.get(ns.id)?.values() ?? [])].filter((p) => p !== init.pid);
  for (const member of members) s = exitTask(s, member, signaledStatus(SIGKILL));
  // init's wait loop in zap_pid_ns_processes() reaps whatever became its zombie child.
  for (const child of s.children.get(init.pid) ?? []) {
    if (s.tasks.get(child)?.state === "Z") s = releaseTask(s, child);
  }
  return s;
}

/** forget_original_parent(): orphans go to their PID namespace's init (the child reaper). */
function reparentChildren(state: KernelState, dead: Task): KernelState {
  const orphans = state.children.get(dead.pid);
  if (!orphans || orphans.size === 0) return state;
  let s = state;
  for (const child of orphans) {
    const task = getTask(s, child);
    // find_child_reaper(): the reaper is the init of the *dead parent's* PID namespace. An
    // orphan that is itself the init of a newer namespace goes there too, never to itself.
    const reaper = getNs(s, dead.pidNs, "pid").init;
    const newParent = reaper !== null && reaper !== dead.pid && s.tasks.get(reaper)?.state !== "Z" ? reaper : asPid(1);
    s = putTask(s, { ...task, ppid: newParent });
    s = { ...s, children: s.children.set(newParent, (s.children.get(newParent) ?? OrderedSet<Pid>()).add(child)) };
    // A zombie handed to a reaper that ignores SIGCHLD is reaped right away.
    if (task.state === "Z" && ignoresChildren(getTask(s, newParent))) s = releaseTask(s, child);
  }
  return { ...s, children: s.children.delete(dead.pid) };
}

const ignoresChildren = (parent: Task): boolean => parent.signals.dispositions[SIGCHLD] === "ignore";

/** do_notify_parent(): SIGCHLD to the parent, or immediate release if it ignores children. */
function notifyParent(state: KernelState, zombie: Task): KernelState {
  const parent = state.tasks.get(zombie.ppid);
  if (!parent || zombie.ppid === 0) return state;
  if (ignoresChildren(parent)) return releaseTask(state, zombie.pid);
  const pending = parent.signals.pending.includes(SIGCHLD) ? parent.signals.pending : [...parent.signals.pending, SIGCHLD];
  const notified = copyTask(parent);
  notified.signals = { pending, dispositions: parent.signals.dispositions };
  return putTask(state, notified);
}

/** release_task(): the zombie disappears; its PID numbers and last references are freed. */
export function releaseTask(state: KernelState, pid: Pid): KernelState {
  const task = state.tasks.get(pid);
  if (!task) return state;
  let s = detachPid(state, task.pidNs, task.nr);
  const siblings = s.children.get(task.ppid);
  s = {
    ...s,
    tasks: s.tasks.delete(pid),
    children: (siblings ? s.children.set(task.ppid, siblings.delete(pid)) : s.children).delete(pid),
  };
  return putNsRefs(s, [task.pidNs, task.cred.userNs]);
}
