/**
 * /proc/PID/ns/ (`fs/proc/namespaces.c`): one magic symlink per namespace type, whose text
 * is `TYPE:[INODE]` (`ns_get_name()`), listed in this order by `ls`. Following or reading a
 * link of another process needs ptrace_may_access(PTRACE_MODE_READ_FSCREDS) (the VFS checks
 * it: "nsenter: cannot open /proc/N/ns/ipc: Permission denied").
 */
import type { NsId } from "../ids";
import type { NsType } from "../ns/namespace";
import { nsLinkText } from "../ns/namespace";
import type { KernelState } from "../state";
import type { Task } from "../task/task";

export const NS_ENTRIES = [
  "cgroup", "ipc", "mnt", "net", "pid", "pid_for_children", "time", "time_for_children", "user", "uts",
] as const;
export type NsEntry = (typeof NS_ENTRIES)[number];

export interface NsLink {
  readonly type: NsType;
  readonly id: NsId;
  /** The link text, e.g. `pid:[4026531836]`. */
  readonly text: string;
}

/**
 * The namespace an entry points to, or undefined when the link cannot be followed (ENOENT):
 * a zombie has dropped its nsproxy, so only `pid` and `user` still resolve; and
 * `pid_for_children` resolves only once that namespace has an init (pidns_for_children_get()
 * checks `child_reaper`), i.e. after `unshare --pid` and before the first fork it is dangling.
 */
export function nsLink(state: KernelState, task: Task, entry: NsEntry): NsLink | undefined {
  const target = nsTarget(state, task, entry);
  if (target === undefined) return undefined;
  const [type, id] = target;
  return { type, id, text: nsLinkText(type, id) };
}

function nsTarget(state: KernelState, task: Task, entry: NsEntry): readonly [NsType, NsId] | undefined {
  if (entry === "user") return ["user", task.cred.userNs];
  if (entry === "pid") return ["pid", task.pidNs];
  if (task.state === "Z") return undefined;
  switch (entry) {
    case "pid_for_children": {
      const ns = state.namespaces.get(task.ns.pidForChildren);
      return ns?.type === "pid" && ns.init !== null ? ["pid", ns.id] : undefined;
    }
    case "time_for_children":
      return ["time", task.ns.timeForChildren];
    default:
      return [entry, task.ns[entry]];
  }
}

/** `readlink /proc/PID/ns/ENTRY` for every entry that resolves, in `ls` order. */
export function renderNsLinks(state: KernelState, task: Task): readonly (readonly [NsEntry, string])[] {
  return NS_ENTRIES.flatMap((entry) => {
    const link = nsLink(state, task, entry);
    return link ? [[entry, link.text] as const] : [];
  });
}
