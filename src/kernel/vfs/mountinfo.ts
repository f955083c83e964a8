/**
 * /proc/PID/mountinfo and /proc/PID/mounts (`fs/proc_namespace.c: show_mountinfo()`,
 * `show_vfsmnt()`): the mounts of the task's mount namespace in creation order, mount points
 * shown relative to the task's root; mounts outside that root are skipped (SEQ_SKIP).
 *
 *   36 35 98:0 /mnt1 /mnt2 rw,noatime master:1 - ext3 /dev/root rw,errors=continue
 *   (1)(2)(3)   (4)   (5)      (6)      (7)   (8) (9)   (10)         (11)
 * — proc_pid_mountinfo(5)
 */
import type { ProcView } from "../procfs/view";
import type { KernelState } from "../state";
import type { Task } from "../task/task";
import { fsPath, pathFrom } from "./d-path";
import { devText } from "./mode";
import { getMount } from "./mount-tree";
import type { FsCtx } from "./node";
import { getSb } from "./sb-access";
import type { MntFlags, Mount, SuperBlock } from "./types";

/** mangle(): space, tab, newline and backslash as octal escapes. */
export const mangle = (s: string): string => s.replace(/[ \t\n\\]/g, (c) => `\\${c.charCodeAt(0).toString(8).padStart(3, "0")}`);

/** show_mnt_opts(): the per-mount flags after `rw` or `ro`. */
export function mntOptsText(f: MntFlags): string {
  const out: string[] = [];
  if (f.nosuid) out.push("nosuid");
  if (f.nodev) out.push("nodev");
  if (f.noexec) out.push("noexec");
  if (f.atime === "noatime") out.push("noatime");
  if (f.nodiratime) out.push("nodiratime");
  if (f.atime === "relatime") out.push("relatime");
  if (f.nosymfollow) out.push("nosymfollow");
  return out.map((o) => `,${o}`).join("");
}

/** The super options field: `rw` or `ro`, then what the filesystem's show_options() prints. */
export const sbOptsText = (sb: SuperBlock): string => [sb.readOnly ? "ro" : "rw", ...sb.options].join(",");

/** Optional fields: `shared:N`, `master:N`, `unbindable`. */
function tags(m: Mount): string {
  let t = "";
  if (m.shared !== null) t += ` shared:${m.shared}`;
  if (m.master !== null) t += ` master:${m.master}`;
  if (m.unbindable) t += " unbindable";
  return t;
}

function visibleMounts(state: KernelState, task: Task): { readonly m: Mount; readonly at: string }[] {
  const ns = state.vfs.namespaces.get(task.ns.mnt);
  if (!ns || task.state === "Z") return [];
  const c: FsCtx = { state, task };
  return [...ns.mounts].flatMap((id) => {
    const m = getMount(state, id);
    const at = pathFrom(c, { mnt: m.id, node: m.root }, task.root);
    return at === undefined ? [] : [{ m, at }];
  });
}

export function mountinfoLine(state: KernelState, reader: Task, m: Mount, at: string): string {
  const sb = getSb(state, m.sb);
  const root = fsPath({ state, task: reader }, m.sb, m.root);
  const flags = (m.flags.ro ? "ro" : "rw") + mntOptsText(m.flags);
  return `${m.id} ${m.parent} ${devText(sb.dev)} ${mangle(root)} ${mangle(at)} ${flags}${tags(m)} - ${sb.fstype} ${mangle(m.devname)} ${sbOptsText(sb)}\n`;
}

const readerOf = (state: KernelState, task: Task, view: ProcView): Task => state.tasks.get(view.readerPid) ?? task;

export function renderMountinfo(state: KernelState, task: Task, view: ProcView): string {
  const reader = readerOf(state, task, view);
  return visibleMounts(state, task).map(({ m, at }) => mountinfoLine(state, reader, m, at)).join("");
}

/** /proc/PID/mounts (and /proc/mounts, /etc/mtab): the fstab-like form. */
export function renderMounts(state: KernelState, task: Task, _view: ProcView): string {
  return visibleMounts(state, task).map(({ m, at }) => {
    const sb = getSb(state, m.sb);
    const ro = m.flags.ro || sb.readOnly;
    const opts = [ro ? "ro" : "rw"].join("") + mntOptsText(m.flags) + sb.options.map((o) => `,${o}`).join("");
    return `${mangle(m.devname)} ${mangle(at)} ${sb.fstype} ${opts} 0 0\n`;
  }).join("");
}
