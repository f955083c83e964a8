/**
 * Interface files of v1 cgroups (kernel/cgroup/cgroup-v1.c: cgroup1_base_files), including the
 * two the release_agent escape uses: `notify_on_release` and the root-only `release_agent`.
 */
import type { Result } from "../../lib";
import { err, ok } from "../../lib";
import type { Errno } from "../errno";
import type { Pid } from "../ids";
import type { Subsys } from "./controllers";
import { maskHas } from "./controllers";
import { kstrtoint, kstrtou64, strstrip } from "./parse";
import type { ReadContext } from "./read-core";
import type { CgroupEffect, CgroupState } from "./types";
import { findHierarchy, withHierarchy } from "./v1";
import { v1Place } from "./v1-membership";
import type { V1Cgroup, V1Hierarchy } from "./v1-types";

type Where = "n" | "r" | "a";
const CORE: readonly (readonly [string, Where])[] = [
  ["cgroup.procs", "a"], ["cgroup.clone_children", "a"], ["cgroup.sane_behavior", "r"], ["tasks", "a"],
  ["notify_on_release", "a"], ["release_agent", "r"],
];

/**
 * Legacy controller files with their default contents (transcripts 06 and 08 for pids and cpu).
 * SIMPLIFICATION: v1 controllers only show files; limits are enforced on v2 alone, and
 * cpuset, memory, blkio and hugetlb (always busy on the v2 host) list no files.
 */
const LEGACY: Readonly<Record<string, readonly (readonly [string, Where, string])[]>> = {
  pids: [["pids.current", "n", ""], ["pids.events", "n", "max 0\n"], ["pids.max", "n", "max\n"], ["pids.peak", "n", "0\n"]],
  cpu: [
    ["cpu.cfs_burst_us", "a", "0\n"], ["cpu.cfs_period_us", "a", "100000\n"], ["cpu.cfs_quota_us", "a", "-1\n"],
    ["cpu.idle", "a", "0\n"], ["cpu.rt_period_us", "a", "1000000\n"], ["cpu.rt_runtime_us", "a", "0\n"],
    ["cpu.shares", "a", "1024\n"], ["cpu.stat", "a", "nr_periods 0\nnr_throttled 0\nthrottled_time 0\nnr_bursts 0\nburst_time 0\n"],
    ["cpu.stat.local", "a", "throttled_time 0\n"],
  ],
  rdma: [["rdma.current", "n", ""], ["rdma.max", "n", ""]],
  misc: [["misc.capacity", "r", ""], ["misc.current", "a", ""], ["misc.events", "n", ""], ["misc.max", "n", ""], ["misc.peak", "a", ""]],
  freezer: [["freezer.parent_freezing", "n", "0\n"], ["freezer.self_freezing", "n", "0\n"], ["freezer.state", "n", "THAWED\n"]],
  devices: [["devices.allow", "a", ""], ["devices.deny", "a", ""], ["devices.list", "a", "a *:* rwm\n"]],
  net_cls: [["net_cls.classid", "a", "0\n"]],
  net_prio: [["net_prio.ifpriomap", "a", "lo 0\n"], ["net_prio.prioidx", "a", "1\n"]],
  cpuacct: ["stat", "usage", "usage_all", "usage_percpu", "usage_percpu_sys", "usage_percpu_user", "usage_sys", "usage_user"]
    .map((f): readonly [string, Where, string] => [`cpuacct.${f}`, "a", f === "stat" ? "user 0\nsystem 0\n" : "0\n"]),
};

const shown = (w: Where, isRoot: boolean): boolean => w === "a" || (w === "n") !== isRoot;

function legacyFiles(h: V1Hierarchy): (readonly [string, Where, string])[] {
  return Object.entries(LEGACY).filter(([ss]) => maskHas(h.subsys, ss as Subsys)).flatMap(([, files]) => files);
}

/** The files of a v1 cgroup directory, sorted bytewise. */
export function listV1Files(state: CgroupState, id: number, path: string): string[] {
  const h = findHierarchy(state, id);
  if (!h?.cgroups.has(path)) return [];
  const isRoot = path === "/";
  const names = [...CORE, ...legacyFiles(h)].filter(([, w]) => shown(w, isRoot)).map(([n]) => n);
  return names.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** cgroup.procs / tasks of a v1 cgroup: sorted and de-duplicated (cgroup_pidlist_load()). */
function pidList(state: CgroupState, h: V1Hierarchy, cg: V1Cgroup, ctx: ReadContext): string {
  const pids: Pid[] = cg.path === "/" ? [...state.taskCgroup.keys()].filter((p) => !h.taskPath.has(p)) : [...cg.procs];
  const nrs = pids.map((p) => (ctx.pidView ? ctx.pidView(p) : p)).sort((a, b) => a - b);
  return nrs.map((n) => `${n}\n`).join("");
}

export function readV1File(state: CgroupState, id: number, path: string, name: string, ctx: ReadContext = {}): Result<string, Errno> {
  const h = findHierarchy(state, id);
  const cg = h?.cgroups.get(path);
  if (!h || !cg || !listV1Files(state, id, path).includes(name)) return err("ENOENT");
  switch (name) {
    case "cgroup.procs": case "tasks": return ok(pidList(state, h, cg, ctx));
    case "notify_on_release": return ok(cg.notifyOnRelease ? "1\n" : "0\n");
    case "cgroup.clone_children": return ok(cg.cloneChildren ? "1\n" : "0\n");
    case "cgroup.sane_behavior": return ok("0\n");
    case "release_agent": return ok(`${h.releaseAgent}\n`);
    case "pids.current": return ok(`${cg.nrTasks}\n`);
    default: return ok(legacyFiles(h).find(([n]) => n === name)?.[2] ?? "");
  }
}

export interface V1WriteContext {
  readonly self: Pid;
  readonly resolvePid: (nr: number) => Pid | undefined;
  /** __cgroup1_procs_write(): the writer may move this task (euid root, or same uid). */
  readonly mayMove?: (pid: Pid) => Errno | undefined;
  /**
   * cgroup_release_agent_write() (5.17+, fix for CVE-2022-0492): the file's cgroup namespace
   * is owned by the initial user namespace and its opener has CAP_SYS_ADMIN there.
   */
  readonly mayWriteReleaseAgent: boolean;
}

type V1Write = Result<{ state: CgroupState; effects: CgroupEffect[] }, Errno>;

function moveTo(state: CgroupState, h: V1Hierarchy, path: string, text: string, ctx: V1WriteContext): V1Write {
  const n = kstrtoint(strstrip(text));
  if (!n.ok || n.value < 0) return err("EINVAL");
  const pid = n.value === 0 ? ctx.self : ctx.resolvePid(n.value);
  if (pid === undefined || !state.taskCgroup.has(pid)) return err("ESRCH");
  const denied = ctx.mayMove?.(pid);
  if (denied) return err(denied);
  const placed = v1Place(h, pid, path);
  return ok({ state: withHierarchy(state, placed.h), effects: placed.effects });
}

function setFlag(state: CgroupState, h: V1Hierarchy, cg: V1Cgroup, field: "notifyOnRelease" | "cloneChildren", text: string): V1Write {
  const v = kstrtou64(strstrip(text));
  if (!v.ok) return err(v.error);
  return ok({ state: withHierarchy(state, { ...h, cgroups: h.cgroups.set(cg.path, { ...cg, [field]: v.value !== 0 }) }), effects: [] });
}

export function writeV1File(state: CgroupState, id: number, path: string, name: string, text: string, ctx: V1WriteContext): V1Write {
  const h = findHierarchy(state, id);
  const cg = h?.cgroups.get(path);
  if (!h || !cg || !listV1Files(state, id, path).includes(name)) return err("ENOENT");
  switch (name) {
    case "cgroup.procs": case "tasks": return moveTo(state, h, path, text, ctx);
    case "notify_on_release": return setFlag(state, h, cg, "notifyOnRelease", text);
    case "cgroup.clone_children": return setFlag(state, h, cg, "cloneChildren", text);
    case "release_agent":
      if (!ctx.mayWriteReleaseAgent) return err("EPERM");
      return ok({ state: withHierarchy(state, { ...h, releaseAgent: strstrip(text).slice(0, 4095) }), effects: [] });
    case "cgroup.sane_behavior": case "pids.current": case "pids.events": case "pids.peak": case "cpu.stat": case "cpu.stat.local":
    case "devices.list": case "freezer.parent_freezing": case "freezer.self_freezing": case "rdma.current": case "misc.current":
    case "misc.capacity": case "misc.events": case "misc.peak":
      return err("EACCES");
    default:
      return ok({ state, effects: [] });
  }
}
