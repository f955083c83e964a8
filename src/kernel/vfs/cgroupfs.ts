/**
 * cgroup2 (`kernel/cgroup/cgroup.c`, kernfs): directories are cgroups, files are the interface
 * files src/kernel/cgroup lists, reads and writes. Every cgroup2 mount shows the same hierarchy;
 * a mount made inside a cgroup namespace starts at that namespace's root cgroup.
 * SIMPLIFICATION: cgroup directories and files are owned by root (no delegation by chown).
 */
import type { Result } from "../../lib";
import { err } from "../../lib";
import type { CgroupState } from "../cgroup";
import { isReadable, isWritable, listFiles, mkdirCgroup, readFile, rmdirCgroup, writeFile } from "../cgroup";
import type { Errno } from "../errno";
import type { CgroupId } from "../ids";
import type { KernelState } from "../state";
import { applyCgroupEffects } from "../task/cgroup-effects";
import { findTaskByNr, pidNrIn } from "../task/pid-alloc";
import { deny, pass } from "../trace";
import type { SynthAttr, SynthCtx, SynthFs, SynthWrite } from "./synthetic";
import { childKey } from "./synthetic";

const cgroupsOf = (state: KernelState): CgroupState | undefined => state.cgroup;

const withCgroups = (state: KernelState, cg: CgroupState): KernelState => ({ ...state, cgroup: cg });

type Found = { readonly kind: "dir"; readonly id: CgroupId } | { readonly kind: "file"; readonly id: CgroupId; readonly name: string };

function find(cg: CgroupState, key: string): Found | undefined {
  let id = cg.root;
  const parts = key === "" ? [] : key.split("/");
  for (let i = 0; i < parts.length; i++) {
    const name = parts[i] as string;
    const child = cg.cgroups.get(id)?.children.get(name);
    if (child !== undefined) {
      id = child;
      continue;
    }
    return i === parts.length - 1 && listFiles(cg, id).includes(name) ? { kind: "file", id, name } : undefined;
  }
  return { kind: "dir", id };
}

function attr(ctx: SynthCtx, key: string): SynthAttr | undefined {
  const cg = cgroupsOf(ctx.state);
  if (!cg) return key === "" ? { type: "dir", mode: 0o555, ino: 1 } : undefined;
  const f = find(cg, key);
  if (!f) return undefined;
  if (f.kind === "dir") return { type: "dir", mode: 0o755, ino: f.id, nlink: 2 + (cg.cgroups.get(f.id)?.children.size ?? 0) };
  const mode = (isReadable(f.name) ? 0o444 : 0) | (isWritable(f.name) ? 0o200 : 0);
  return { type: "reg", mode };
}

function list(ctx: SynthCtx, key: string): readonly string[] {
  const cg = cgroupsOf(ctx.state);
  const f = cg && find(cg, key);
  if (!cg || !f || f.kind !== "dir") return [];
  return [...listFiles(cg, f.id), ...(cg.cgroups.get(f.id)?.children.keys() ?? [])];
}

function read(ctx: SynthCtx, key: string): Result<string, Errno> {
  const cg = cgroupsOf(ctx.state);
  const f = cg && find(cg, key);
  if (!cg || !f) return err("ENOENT");
  if (f.kind === "dir") return err("EISDIR");
  return readFile(cg, f.id, f.name, { pidView: (p) => pidNrIn(ctx.state, p, ctx.viewer.pidNs) ?? 0 });
}

function write(ctx: SynthCtx, key: string, data: string): SynthWrite {
  const cg = cgroupsOf(ctx.state);
  const f = cg && find(cg, key);
  if (!cg || !f || f.kind !== "file") return { state: ctx.state, checks: [], errno: "EINVAL" };
  const out = writeFile(cg, f.id, f.name, data, {
    self: ctx.viewer.pid,
    resolvePid: (nr) => findTaskByNr(ctx.state, ctx.viewer.pidNs, nr),
  });
  if (!out.ok) return { state: ctx.state, checks: [deny("cgroup", `${f.name} write`, `cgroup file ${f.name} refused ${JSON.stringify(data.trim())}`, out.error)], errno: out.error };
  const next = applyCgroupEffects(withCgroups(ctx.state, out.value.state), out.value.effects);
  return { state: next, checks: [pass("cgroup", `${f.name} write`, `wrote ${JSON.stringify(data.trim())} to ${f.name}`)] };
}

function mkdir(ctx: SynthCtx, dir: string, name: string): SynthWrite {
  const cg = cgroupsOf(ctx.state);
  const f = cg && find(cg, dir);
  if (!cg || !f || f.kind !== "dir") return { state: ctx.state, checks: [], errno: "ENOENT" };
  const out = mkdirCgroup(cg, f.id, name);
  if (!out.ok) return { state: ctx.state, checks: [deny("cgroup", "cgroup_mkdir", `cannot create cgroup ${childKey(dir, name)}`, out.error)], errno: out.error };
  return { state: withCgroups(ctx.state, out.value.state), checks: [pass("cgroup", "cgroup_mkdir", `created cgroup /${childKey(dir, name)}`)] };
}

function rmdir(ctx: SynthCtx, dir: string, name: string): SynthWrite {
  const cg = cgroupsOf(ctx.state);
  const f = cg && find(cg, childKey(dir, name));
  if (!cg || !f || f.kind !== "dir") return { state: ctx.state, checks: [], errno: "ENOENT" };
  const out = rmdirCgroup(cg, f.id);
  if (!out.ok) return { state: ctx.state, checks: [deny("cgroup", "cgroup_rmdir", `cgroup /${childKey(dir, name)} still has processes or child cgroups`, out.error)], errno: out.error };
  return { state: withCgroups(ctx.state, out.value), checks: [pass("cgroup", "cgroup_rmdir", `removed cgroup /${childKey(dir, name)}`)] };
}

export const cgroupFs: SynthFs = { attr, list, read, readlink: () => undefined, write, mkdir, rmdir };

