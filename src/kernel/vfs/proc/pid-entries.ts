/**
 * The entries of /proc/PID (`fs/proc/base.c: tgid_base_stuff[]`) with their modes, and the
 * renderers and write handlers of src/kernel/procfs wired to them. Entries marked `ptrace`
 * are opened through proc_mem_open(): the opener needs ptrace access to the task.
 */
import type { KernelState } from "../../state";
import type { Task } from "../../task/task";
import type { ProcView } from "../../procfs/view";
import type { ProcWriteOutcome } from "../../procfs/write-common";
import { renderAttrCurrent, renderCgroup, renderCmdline, renderComm, renderEnviron, renderLoginuid } from "../../procfs/pid-text";
import { renderStatus } from "../../procfs/status";
import { renderStat, renderStatm } from "../../procfs/stat";
import { renderGidMap, renderSetgroups, renderUidMap } from "../../procfs/id-map-show";
import { writeGidMap, writeUidMap } from "../../procfs/id-map-write";
import { writeSetgroups } from "../../procfs/setgroups";
import { renderOomScore, renderOomScoreAdj, writeOomScoreAdj } from "../../procfs/oom";
import { renderTimensOffsets, writeTimensOffsets } from "../../procfs/timens";
import { renderMaps } from "../../procfs/maps";
import { renderAttrExec, writeAttrExec } from "../../procfs/attr-exec";
import { renderMountinfo, renderMounts } from "../mountinfo";

export type PidRenderer = (state: KernelState, task: Task, view: ProcView) => string;
export type PidWriter = (state: KernelState, writer: Task, target: Task, text: string) => ProcWriteOutcome;

export interface PidEntry {
  readonly type: "reg" | "dir" | "lnk";
  readonly mode: number;
  /** Opening needs ptrace_may_access(PTRACE_MODE_READ_FSCREDS) (proc_mem_open(), mem_open()). */
  readonly ptrace?: boolean;
  readonly render?: PidRenderer;
  readonly write?: PidWriter;
}

const r = (render?: PidRenderer, mode = 0o444): PidEntry => ({ type: "reg", mode, ...(render ? { render } : {}) });
const rw = (render: PidRenderer | undefined, write: PidWriter, mode = 0o644): PidEntry => ({ type: "reg", mode, write, ...(render ? { render } : {}) });
const priv = (render?: PidRenderer, mode = 0o400): PidEntry => ({ type: "reg", mode, ptrace: true, ...(render ? { render } : {}) });
const dir = (mode = 0o555): PidEntry => ({ type: "dir", mode });
const lnk: PidEntry = { type: "lnk", mode: 0o777 };

/**
 * SIMPLIFICATION: entries without a renderer read as empty files until src/kernel/procfs
 * provides one; attr/, net/, fdinfo/ and map_files/ are empty directories.
 */
export const PID_ENTRIES: Readonly<Record<string, PidEntry>> = {
  attr: dir(), autogroup: r(undefined, 0o644), auxv: priv(), cgroup: r(renderCgroup), clear_refs: r(undefined, 0o200),
  cmdline: r(renderCmdline), comm: r(renderComm, 0o644), coredump_filter: r(undefined, 0o644), cpuset: r(),
  cwd: lnk, environ: priv(renderEnviron), exe: lnk, fd: dir(0o500), fdinfo: dir(), gid_map: rw(renderGidMap, writeGidMap),
  io: priv(), limits: r(), loginuid: r(renderLoginuid, 0o644), map_files: dir(0o500), maps: r(renderMaps), mem: priv(undefined, 0o600),
  mountinfo: r(renderMountinfo), mounts: r(renderMounts), mountstats: priv(), net: dir(), ns: dir(0o511),
  oom_adj: r(undefined, 0o644), oom_score: r(renderOomScore), oom_score_adj: rw(renderOomScoreAdj, writeOomScoreAdj),
  pagemap: priv(), personality: priv(), projid_map: r(undefined, 0o644), root: lnk, sched: r(undefined, 0o644),
  schedstat: r(), sessionid: r(), setgroups: rw(renderSetgroups, writeSetgroups), smaps: r(), smaps_rollup: r(),
  stack: priv(), stat: r(renderStat), statm: r(renderStatm), status: r(renderStatus), syscall: priv(), task: dir(),
  timens_offsets: rw(renderTimensOffsets, writeTimensOffsets), timers: r(), timerslack_ns: r(undefined, 0o666),
  uid_map: rw(renderUidMap, writeUidMap), wchan: r(),
};

/** attr/ holds the LSM's files: `current` is the task's label, `exec` the one its next execve takes. */
export const ATTR_ENTRIES: Readonly<Record<string, PidEntry>> = {
  current: r(renderAttrCurrent, 0o666), exec: rw(renderAttrExec, writeAttrExec, 0o666), prev: r(), fscreate: r(undefined, 0o666),
  keycreate: r(undefined, 0o666), sockcreate: r(undefined, 0o666),
};
