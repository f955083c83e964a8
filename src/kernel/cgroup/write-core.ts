/**
 * Writers of the core interface files (kernel/cgroup/cgroup.c): migration through cgroup.procs,
 * enabling controllers, freeze, kill and the hierarchy limits.
 */
import { err, ok } from "../../lib";
import type { CgroupId, Pid } from "../ids";
import type { Subsys } from "./controllers";
import { IMPLICIT_MASK, V1_ONLY_MASK, maskHas, subsysBit, SUBSYS } from "./controllers";
import { availableControllers } from "./format";
import { migrateTask } from "./membership";
import { kstrtoint, strstrip } from "./parse";
import { resetControllerLimits } from "./records";
import { getCg, isFrozen, putCg, subtreeIds, subtreePids } from "./tree";
import type { CgroupState } from "./types";
import { MAX } from "./types";
import type { WriteContext, WriteResult, Writer } from "./write-types";

const unchanged = (state: CgroupState): WriteResult => ok({ state, effects: [] });

/**
 * __cgroup_procs_write(): parse one pid (EINVAL), find it (ESRCH), check the writer's
 * permission, then the "no internal processes" rule: a non-root cgroup with controllers in
 * cgroup.subtree_control cannot take processes (cgroup_migrate_vet_dst() → EBUSY).
 */
function writeProcs(state: CgroupState, id: CgroupId, text: string, ctx: WriteContext): WriteResult {
  const n = kstrtoint(strstrip(text));
  if (!n.ok || n.value < 0) return err("EINVAL");
  const pid: Pid | undefined = n.value === 0 ? ctx.self : ctx.resolvePid(n.value);
  if (pid === undefined || !state.taskCgroup.has(pid)) return err("ESRCH");
  const src = state.taskCgroup.get(pid) ?? state.root;
  const denied = ctx.mayMigrate?.(src, id, pid);
  if (denied) return err(denied);
  const dst = getCg(state, id);
  if (dst.parent !== undefined && (dst.subtreeControl & ~IMPLICIT_MASK) !== 0) return err("EBUSY");
  return ok(migrateTask(state, pid, id));
}

/** Parses `+memory -cpu …` into masks (cgroup_subtree_control_write()); unknown names EINVAL. */
function parseSubtree(text: string): { enable: number; disable: number } | undefined {
  let enable = 0;
  let disable = 0;
  for (const tok of strstrip(text).split(" ").filter((t) => t !== "")) {
    const ss = SUBSYS.find((s) => s === tok.slice(1) && (subsysBit(s) & (V1_ONLY_MASK | IMPLICIT_MASK)) === 0);
    if (!ss || (tok[0] !== "+" && tok[0] !== "-")) return undefined;
    if (tok[0] === "+") { enable |= subsysBit(ss); disable &= ~subsysBit(ss); }
    else { disable |= subsysBit(ss); enable &= ~subsysBit(ss); }
  }
  return { enable, disable };
}

/**
 * "Only controllers which are listed in cgroup.controllers can be enabled" (ENOENT); a
 * controller a child still distributes cannot be disabled (EBUSY); a non-root cgroup with
 * processes cannot enable any (EBUSY). — cgroup-v2.rst, "Top-down Constraint" and "No
 * Internal Process Constraint". Disabling drops the children's css, so their limits reset.
 */
function writeSubtreeControl(state: CgroupState, id: CgroupId, text: string): WriteResult {
  const parsed = parseSubtree(text);
  if (!parsed) return err("EINVAL");
  const cg = getCg(state, id);
  const enable = parsed.enable & ~cg.subtreeControl;
  const disable = parsed.disable & cg.subtreeControl;
  if ((enable & ~availableControllers(state, id)) !== 0) return err("ENOENT");
  const children = [...cg.children.values()].map((c) => getCg(state, c));
  if (children.some((c) => (c.subtreeControl & disable) !== 0)) return err("EBUSY");
  if (enable === 0 && disable === 0) return unchanged(state);
  if (enable !== 0 && cg.parent !== undefined && cg.procs.size > 0) return err("EBUSY");
  let next = putCg(state, { ...cg, subtreeControl: (cg.subtreeControl | enable) & ~disable });
  for (const child of children) {
    const reset = SUBSYS.filter((s: Subsys) => maskHas(disable, s)).reduce((c, s) => resetControllerLimits(c, s), child);
    next = putCg(next, reset);
  }
  return unchanged(next);
}

/** cgroup_freeze_write(): 0 or 1 (else ERANGE); every task whose effective state flips. */
function writeFreeze(state: CgroupState, id: CgroupId, text: string): WriteResult {
  const v = kstrtoint(strstrip(text));
  if (!v.ok) return err(v.error);
  if (v.value < 0 || v.value > 1) return err("ERANGE");
  const next = putCg(state, { ...getCg(state, id), freeze: v.value === 1 });
  const flipped = subtreeIds(state, id).filter((c) => isFrozen(state, c) !== isFrozen(next, c));
  const pids = flipped.flatMap((c) => [...getCg(state, c).procs]);
  return ok({ state: next, effects: pids.length ? [{ kind: "freeze", pids, frozen: v.value === 1 }] : [] });
}

/**
 * cgroup_kill_write(): only `1` (else ERANGE); SIGKILL to every process of the subtree.
 * SIMPLIFICATION: the kill is one plan; Linux also kills children forked while it runs (CGRP_KILL).
 */
function writeKill(state: CgroupState, id: CgroupId, text: string): WriteResult {
  const v = kstrtoint(strstrip(text));
  if (!v.ok) return err(v.error);
  if (v.value !== 1) return err("ERANGE");
  const pids = subtreePids(state, id);
  return ok({ state, effects: pids.length ? [{ kind: "kill", pids }] : [] });
}

/** cgroup_max_descendants_write() / cgroup_max_depth_write(): `max` or a count ≥ 0. */
const writeLimit = (field: "maxDepth" | "maxDescendants"): Writer => (state, id, text) => {
  const s = strstrip(text);
  const v = s === "max" ? ok(MAX) : kstrtoint(s);
  if (!v.ok) return err(v.error);
  if (v.value < 0) return err("ERANGE");
  return unchanged(putCg(state, { ...getCg(state, id), [field]: v.value }));
};

/**
 * cgroup_type_write(): only `threaded` is accepted. SIMPLIFICATION: threaded cgroups are not
 * modelled, so that write fails with EOPNOTSUPP.
 */
const writeType: Writer = (_state, _id, text) => err(strstrip(text) === "threaded" ? "EOPNOTSUPP" : "EINVAL");

/** PSI triggers and cgroup.pressure are accepted and have no effect (SIMPLIFICATION). */
const accept: Writer = (state) => unchanged(state);

export const CORE_WRITERS: Readonly<Record<string, Writer>> = {
  "cgroup.procs": writeProcs,
  "cgroup.threads": writeProcs,
  "cgroup.subtree_control": (s, id, t) => writeSubtreeControl(s, id, t),
  "cgroup.freeze": (s, id, t) => writeFreeze(s, id, t),
  "cgroup.kill": (s, id, t) => writeKill(s, id, t),
  "cgroup.max.depth": writeLimit("maxDepth"),
  "cgroup.max.descendants": writeLimit("maxDescendants"),
  "cgroup.type": writeType,
  "cgroup.pressure": accept,
  "cpu.pressure": accept,
  "io.pressure": accept,
  "memory.pressure": accept,
};
