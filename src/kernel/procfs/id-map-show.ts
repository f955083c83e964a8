/**
 * Reading /proc/PID/uid_map, gid_map and setgroups (`kernel/user_namespace.c: uid_m_show()`,
 * `proc_setgroups_show()`). The map shown is that of the task's user namespace; each line is
 * `%10u %10u %10u`: the first inside id, the first outside id and the length. The outside id
 * is shown relative to the READER: "the ID-outside-ns is interpreted … relative to the user
 * namespace of the process that opened the file", except that a reader inside the namespace
 * itself sees it in the parent's terms (user_namespaces(7)).
 */
import type { IdMapEntry } from "../ns/namespace";
import type { KernelState } from "../state";
import { getNs } from "../state";
import type { Task } from "../task/task";
import type { IdKind, ProcView } from "./view";
import { idIn } from "./view";

/** UID_GID_MAP_MAX_BASE_EXTENTS: a map of more lines is kept (and shown) sorted by inside id. */
const MAX_BASE_EXTENTS = 5;

const col = (n: number): string => String(n).padStart(10);

/** The lines of one map; an unwritten map reads as empty. */
export function renderIdMapOf(state: KernelState, task: Task, view: ProcView, kind: IdKind): string {
  const ns = getNs(state, task.cred.userNs, "user");
  const map: readonly IdMapEntry[] = (kind === "uid" ? ns.uidMap : ns.gidMap) ?? [];
  const lower = view.userNs === ns.id && ns.owner !== null ? ns.owner : view.userNs;
  const shown = map.length > MAX_BASE_EXTENTS ? [...map].sort((a, b) => a.inside - b.inside) : map;
  return shown.map((e) => `${col(e.inside)} ${col(idIn(state, lower, e.outside, kind))} ${col(e.count)}\n`).join("");
}

export const renderUidMap = (state: KernelState, task: Task, view: ProcView): string => renderIdMapOf(state, task, view, "uid");
export const renderGidMap = (state: KernelState, task: Task, view: ProcView): string => renderIdMapOf(state, task, view, "gid");

/** `allow` until "deny" is written (only possible before gid_map is), then `deny` for good. */
export function renderSetgroups(state: KernelState, task: Task, _view: ProcView): string {
  return `${getNs(state, task.cred.userNs, "user").setgroups}\n`;
}
