/**
 * cgroup v1 (`kernel/cgroup/cgroup-v1.c`): `mount -t cgroup -o CONTROLLERS cgroup DIR` mounts a
 * v1 hierarchy; its directories are v1 cgroups and its files those src/kernel/cgroup lists.
 * The hierarchy's `release_agent` is what the kernel runs, as root on the host, when a cgroup
 * with notify_on_release empties — the 2019 escape of reference §7b.
 */
import type { Result } from "../../lib";
import { err, ok } from "../../lib";
import { findHierarchy, listV1Files, mkdirV1, mountCgroupV1, readV1File, rmdirV1, writeV1File } from "../cgroup";
import { initNsId } from "../boot/init-namespaces";
import { nsCapable } from "../cred/capable";
import type { KernelState } from "../state";
import { applyCgroupEffects } from "../task/cgroup-effects";
import { findTaskByNr, pidNrIn } from "../task/pid-alloc";
import { deny, pass } from "../trace";
import type { Tree, TreeFail } from "./get-tree";
import type { FsCtx } from "./node";
import { newSb } from "./superblock";
import type { SynthAttr, SynthCtx, SynthFs, SynthWrite } from "./synthetic";
import { childKey } from "./synthetic";

const hierarchyOf = (ctx: SynthCtx): number => (ctx.sb.backing.kind === "synthetic" ? ctx.sb.backing.hierarchy ?? -1 : -1);

type Found = { readonly kind: "dir"; readonly path: string } | { readonly kind: "file"; readonly path: string; readonly name: string };

function find(state: KernelState, h: number, key: string): Found | undefined {
  const hier = findHierarchy(state.cgroup, h);
  if (!hier) return undefined;
  const dir = `/${key}`;
  if (key === "" || hier.cgroups.has(dir)) return { kind: "dir", path: key === "" ? "/" : dir };
  const cut = key.lastIndexOf("/");
  const parent = cut < 0 ? "/" : `/${key.slice(0, cut)}`;
  const name = key.slice(cut + 1);
  return listV1Files(state.cgroup, h, parent).includes(name) ? { kind: "file", path: parent, name } : undefined;
}

const READ_ONLY = ["cgroup.sane_behavior", "pids.current", "pids.events", "pids.peak", "devices.list", "cpu.stat"];

function attr(ctx: SynthCtx, key: string): SynthAttr | undefined {
  const f = find(ctx.state, hierarchyOf(ctx), key);
  if (!f) return undefined;
  if (f.kind === "dir") return { type: "dir", mode: 0o755 };
  return { type: "reg", mode: READ_ONLY.includes(f.name) ? 0o444 : f.name === "devices.allow" || f.name === "devices.deny" ? 0o200 : 0o644 };
}

function list(ctx: SynthCtx, key: string): readonly string[] {
  const h = hierarchyOf(ctx);
  const f = find(ctx.state, h, key);
  if (!f || f.kind !== "dir") return [];
  const children = findHierarchy(ctx.state.cgroup, h)?.cgroups.get(f.path)?.children ?? [];
  return [...listV1Files(ctx.state.cgroup, h, f.path), ...children];
}

function write(ctx: SynthCtx, key: string, data: string): SynthWrite {
  const h = hierarchyOf(ctx);
  const f = find(ctx.state, h, key);
  if (!f || f.kind !== "file") return { state: ctx.state, checks: [], errno: "EINVAL" };
  // cgroup_release_agent_write() (5.17+): CAP_SYS_ADMIN in the initial user namespace, from the initial cgroup namespace.
  const owner = ctx.state.namespaces.get(ctx.viewer.ns.cgroup)?.owner;
  const mayWriteReleaseAgent = owner === initNsId("user") && nsCapable(ctx.state, ctx.viewer.cred, initNsId("user"), "CAP_SYS_ADMIN");
  const out = writeV1File(ctx.state.cgroup, h, f.path, f.name, data, {
    self: ctx.viewer.pid, resolvePid: (nr) => findTaskByNr(ctx.state, ctx.viewer.pidNs, nr), mayWriteReleaseAgent,
  });
  if (!out.ok) {
    const why = f.name === "release_agent" ? "setting release_agent needs CAP_SYS_ADMIN in the initial user namespace (CVE-2022-0492 fix)" : `${f.name} refused ${JSON.stringify(data.trim())}`;
    return { state: ctx.state, checks: [deny("cgroup", `cgroup1 ${f.name} write`, why, out.error)], errno: out.error };
  }
  const next = applyCgroupEffects({ ...ctx.state, cgroup: out.value.state }, out.value.effects);
  return { state: next, checks: [pass("cgroup", `cgroup1 ${f.name} write`, `wrote ${JSON.stringify(data.trim())} to ${f.name}`)] };
}

function mkdir(ctx: SynthCtx, dir: string, name: string): SynthWrite {
  const parent = dir === "" ? "/" : `/${dir}`;
  const out = mkdirV1(ctx.state.cgroup, hierarchyOf(ctx), parent, name);
  if (!out.ok) return { state: ctx.state, checks: [deny("cgroup", "cgroup_mkdir", `cannot create cgroup /${childKey(dir, name)}`, out.error)], errno: out.error };
  return { state: { ...ctx.state, cgroup: out.value }, checks: [pass("cgroup", "cgroup_mkdir", `created v1 cgroup /${childKey(dir, name)}`)] };
}

function rmdir(ctx: SynthCtx, dir: string, name: string): SynthWrite {
  const out = rmdirV1(ctx.state.cgroup, hierarchyOf(ctx), `/${childKey(dir, name)}`);
  if (!out.ok) return { state: ctx.state, checks: [deny("cgroup", "cgroup_rmdir", `cgroup /${childKey(dir, name)} is busy`, out.error)], errno: out.error };
  const next = applyCgroupEffects({ ...ctx.state, cgroup: out.value.state }, out.value.effects);
  return { state: next, checks: [pass("cgroup", "cgroup_rmdir", `removed v1 cgroup /${childKey(dir, name)}`)] };
}

export const cgroup1Fs: SynthFs = {
  attr, list, write, mkdir, rmdir, readlink: () => undefined,
  read: (ctx, key) => {
    const f = find(ctx.state, hierarchyOf(ctx), key);
    if (!f || f.kind !== "file") return err("EISDIR");
    return readV1File(ctx.state.cgroup, hierarchyOf(ctx), f.path, f.name, { pidView: (p) => pidNrIn(ctx.state, p, ctx.viewer.pidNs) ?? 0 });
  },
};

/** cgroup1_get_tree(): the hierarchy the options name (or a new one) and a superblock for it. */
export function cgroup1Tree(c: FsCtx, data: string | null, userNs: ReturnType<typeof initNsId>): Result<Tree, TreeFail> {
  const out = mountCgroupV1(c.state.cgroup, data ?? "", { inInitCgroupNs: c.task.ns.cgroup === initNsId("cgroup"), inInitUserNs: userNs === initNsId("user") });
  if (!out.ok) return err({ errno: out.error, checks: [deny("cgroup", "cgroup1_get_tree", `cgroup v1 options ${JSON.stringify(data ?? "")} cannot be mounted here`, out.error)] });
  const h = out.value.hierarchy;
  const s: KernelState = { ...c.state, cgroup: out.value.state };
  // SIMPLIFICATION: the options are shown as given (without `none`), not rebuilt from the hierarchy.
  const shown = (data ?? "").split(",").filter((o) => o !== "" && o !== "rw" && o !== "none");
  const existing = [...s.vfs.supers.values()].find((sb) => sb.fstype === "cgroup" && sb.backing.kind === "synthetic" && sb.backing.hierarchy === h);
  if (existing) return ok({ state: s, sb: existing.id, root: "", checks: [pass("cgroup", "cgroup1_get_tree", `v1 hierarchy ${h} again`)] });
  const [vfs, sb] = newSb(s.vfs, { fstype: "cgroup", userNs, options: shown, backing: { kind: "synthetic", scope: c.task.ns.cgroup, hierarchy: h } });
  return ok({ state: { ...s, vfs }, sb: sb.id, root: "", checks: [pass("cgroup", "cgroup1_get_tree", `v1 hierarchy ${h} (${shown.join(",")})`)] });
}
