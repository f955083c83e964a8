/** Switching a task's namespaces while keeping the reference counts right. */
import type { Cred } from "../cred/cred";
import { getNsRefs, putNsRefs } from "../ns/ns-ops";
import type { KernelState } from "../state";
import { putTask } from "../state";
import { nsRefsOf } from "./fork";
import type { NsProxy, Task } from "./task";

/** Replaces the task's nsproxy and/or cred, taking the new references before dropping the old. */
export function switchNamespaces(state: KernelState, task: Task, ns: NsProxy, cred: Cred = task.cred): readonly [KernelState, Task] {
  const next: Task = { ...task, ns, cred };
  let s = getNsRefs(state, nsRefsOf(next));
  s = putNsRefs(s, nsRefsOf(task));
  return [putTask(s, next), next] as const;
}
