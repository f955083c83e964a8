/**
 * /proc/PID/oom_score_adj and oom_score (`fs/proc/base.c: oom_score_adj_write()`,
 * `__set_oom_adj()`, `proc_oom_score()`, `mm/oom_kill.c: oom_badness()`). The value lives in
 * the signal struct, so a child inherits its parent's at fork.
 */
import { nsCapable } from "../cred/capable";
import { initNsId } from "../boot/init-namespaces";
import type { KernelState } from "../state";
import type { Task } from "../task/task";
import { deny, pass } from "../trace";
import { succeed } from "../syscalls/outcome";
import { totalRamPages } from "./kernel-info";
import { mmLayout } from "./mm-layout";
import { mmStats } from "./mm-stats";
import type { OomAdj } from "./store";
import { procfsStore, withProcfsStore } from "./store";
import type { ProcView } from "./view";
import type { ProcWriteOutcome } from "./write-common";
import { badValue, refused } from "./write-common";

export const OOM_SCORE_ADJ_MIN = -1000;
export const OOM_SCORE_ADJ_MAX = 1000;

/** OOMScoreAdjust= of the host's systemd units (set by systemd, as root, before exec). */
const UNIT_OOM_ADJ: Readonly<Record<string, number>> = {
  "systemd-udevd": -1000, "systemd-journal": -250, containerd: -999, dockerd: -500,
};

/**
 * The task's oom_score_adj: its own last write, else what it inherited — the nearest
 * ancestor's value written before the fork that led here — else a unit default, else 0.
 */
export function oomAdjOf(state: KernelState, task: Task): OomAdj {
  const store = procfsStore(state).oomScoreAdj;
  let forkedAt = Number.POSITIVE_INFINITY;
  for (let t: Task | undefined = task; t !== undefined; t = t.pid === 0 ? undefined : state.tasks.get(t.ppid)) {
    const own = store.get(t.pid);
    if (own && own.atNs >= t.startNs && own.atNs <= forkedAt) return own;
    const unit = t.kthread ? undefined : UNIT_OOM_ADJ[t.comm];
    if (unit !== undefined) return { value: unit, min: unit, atNs: t.startNs };
    forkedAt = t.startNs;
  }
  return { value: 0, min: 0, atNs: 0 };
}

export const renderOomScoreAdj = (state: KernelState, task: Task, _view: ProcView): string => `${oomAdjOf(state, task).value}\n`;

/**
 * oom_badness() scaled to 0–2000 and then by 2/3, as proc_oom_score() prints it: an ordinary
 * small process reads 666. Kernel threads, the global init, zombies and tasks at -1000 are
 * never chosen and read 0.
 */
export function renderOomScore(state: KernelState, task: Task, _view: ProcView): string {
  const mm = mmLayout(task);
  const adj = oomAdjOf(state, task).value;
  if (!mm || task.pid === 1 || adj === OOM_SCORE_ADJ_MIN) return "0\n";
  const total = totalRamPages(state.config);
  const stats = mmStats(task, mm);
  const badness = Math.floor(stats.rss / 4) + Math.floor(stats.pte / 4) + adj * Math.floor(total / 1000);
  return `${Math.trunc(((1000 + Math.trunc((badness * 1000) / total)) * 2) / 3)}\n`;
}

/** kstrtoint(strstrip(buf), 0): decimal, 0x hex or 0 octal, with an optional sign. */
function kstrtoint(text: string): number | undefined {
  const m = /^([+-]?)(0x[0-9a-f]+|0[0-7]*|[1-9][0-9]*)$/i.exec(text.trim());
  if (!m) return undefined;
  const digits = m[2]!;
  const n = /^0x/i.test(digits) ? parseInt(digits.slice(2), 16) : digits.startsWith("0") ? parseInt(digits, 8) : parseInt(digits, 10);
  return m[1] === "-" ? -n : n;
}

export function writeOomScoreAdj(state: KernelState, writer: Task, target: Task, text: string): ProcWriteOutcome {
  // The buffer holds PROC_NUMBUF - 1 = 12 bytes; the rest of a longer write is ignored.
  const taken = text.slice(0, 12);
  const value = kstrtoint(taken);
  if (value === undefined || value < OOM_SCORE_ADJ_MIN || value > OOM_SCORE_ADJ_MAX) {
    return badValue(state, [], "oom_score_adj_write", `oom_score_adj is an integer from ${OOM_SCORE_ADJ_MIN} to ${OOM_SCORE_ADJ_MAX}`);
  }
  const current = oomAdjOf(state, target);
  const privileged = nsCapable(state, writer.cred, initNsId("user"), "CAP_SYS_RESOURCE");
  if (value < current.min && !privileged) {
    return refused(state, [], deny("capability", "capable(CAP_SYS_RESOURCE)",
      `lowering oom_score_adj below ${current.min} needs CAP_SYS_RESOURCE in the initial user namespace`, "EACCES"));
  }
  const entry: OomAdj = { value, min: privileged ? value : current.min, atNs: state.nowNs };
  const store = procfsStore(state);
  const next = withProcfsStore(state, { ...store, oomScoreAdj: store.oomScoreAdj.set(target.pid, entry) });
  return succeed(next, [pass("kernel", "__set_oom_adj", `oom_score_adj of process ${target.pid} is now ${value}`)], taken.length);
}
