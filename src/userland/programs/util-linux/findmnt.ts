/**
 * findmnt(8) (util-linux 2.39): the mount table of /proc/self/mountinfo as a tree (each mount
 * under its parent, children in order of mount id, from the root mount down), or, given a mount
 * point or source (or -t, -S, -T), the matching mounts as a flat list. Default columns TARGET,
 * SOURCE (with `[/dir]` for a bind of a subdirectory), FSTYPE and OPTIONS (VFS and superblock
 * options merged). Exit status 1 when nothing matched.
 */
import type { ProgramArgs, ProgramRun } from "../../process/program";
import { sys, writeAll } from "../../process/sys";
import type { LongOption } from "../common";
import { Stdout, getopt } from "../common";
import { errx, tryHelpUl, versionLine } from "./ul";
import type { Column, Line } from "./scols";
import { pickColumns, renderTable } from "./scols";
import { absolutePath } from "./mount-errors";
import type { MountEntry } from "./mountinfo";
import { mergedOptions, propagation, readMountinfo, sourceWithRoot } from "./mountinfo";

const COLUMNS: Record<string, Column & { get: (m: MountEntry) => string }> = {
  SOURCE: { name: "SOURCE", hint: 0.25, get: sourceWithRoot },
  TARGET: { name: "TARGET", hint: 0.3, tree: true, get: (m) => m.target },
  FSTYPE: { name: "FSTYPE", hint: 0.1, get: (m) => m.fstype },
  OPTIONS: { name: "OPTIONS", hint: 0.1, get: mergedOptions },
  "VFS-OPTIONS": { name: "VFS-OPTIONS", hint: 0.2, get: (m) => m.vfsOptions },
  "FS-OPTIONS": { name: "FS-OPTIONS", hint: 0.1, get: (m) => m.fsOptions },
  FSROOT: { name: "FSROOT", hint: 0.25, get: (m) => m.root },
  ID: { name: "ID", hint: 2, right: true, get: (m) => String(m.id) },
  PARENT: { name: "PARENT", hint: 2, right: true, get: (m) => String(m.parent) },
  "MAJ:MIN": { name: "MAJ:MIN", hint: 6, get: (m) => `${m.major}:${m.minor}` },
  PROPAGATION: { name: "PROPAGATION", hint: 0.1, get: propagation },
};

const opt = (key: string, arg: LongOption["arg"] = "none"): LongOption => ({ key, arg });
const LONG: Record<string, LongOption> = {
  help: opt("h"), version: opt("V"), list: opt("l"), raw: opt("r"), noheadings: opt("n"), output: opt("o", "required"),
  "output-all": opt("output-all"), types: opt("t", "required"), source: opt("S", "required"), target: opt("T", "required"),
  mountpoint: opt("M", "required"), submounts: opt("R"), kernel: opt("k"), mtab: opt("m"), "first-only": opt("f"),
  "notruncate": opt("u"), nofsroot: opt("v"),
};

export function* findmnt(args: ProgramArgs): ProgramRun {
  const prog = "findmnt";
  const parsed = getopt(args.argv, { short: "AabcDd:ehiJfF:o:O:p::PklmM:nN:rst:uvRS:T:Uw:VxyQ:", long: LONG });
  if (!parsed.ok) {
    yield* writeAll(2, parsed.message + tryHelpUl(prog));
    return 1;
  }
  let output: string | undefined;
  let types: string[] | undefined;
  let source: string | undefined;
  let target: string | undefined;
  let containing: string | undefined;
  let submounts = false;
  let first = false;
  let noFsRoot = false;
  const view = { noHeadings: false, raw: false, list: false };
  for (const { key, value } of parsed.options) {
    if (key === "h") return (yield* writeAll(1, `\nUsage:\n ${prog} [options]\n ${prog} [options] <device> | <mountpoint>\n ${prog} [options] <device> <mountpoint>\n ${prog} [options] [--source <device>] [--target <path> | --mountpoint <dir>]\n\nFind a (mounted) filesystem.\n\nFor more details see findmnt(8).\n`)) ? 1 : 0;
    if (key === "V") return (yield* writeAll(1, versionLine(prog))) ? 1 : 0;
    if (key === "o") output = value;
    else if (key === "output-all") output = Object.keys(COLUMNS).join(",");
    else if (key === "t") types = value!.split(",");
    else if (key === "S") source = value;
    else if (key === "M") target = value;
    else if (key === "T") containing = value;
    else if (key === "R") submounts = true;
    else if (key === "f") first = true;
    else if (key === "v") noFsRoot = true;
    else if (key === "n") view.noHeadings = true;
    else if (key === "l") view.list = true;
    else if (key === "r") [view.raw, view.list] = [true, true];
  }
  const picked = pickColumns(output, ["TARGET", "SOURCE", "FSTYPE", "OPTIONS"], Object.keys(COLUMNS));
  if (!picked.ok) {
    yield* errx(prog, `unknown column: ${picked.unknown}`);
    return 1;
  }
  const table = yield* readMountinfo();
  if (!table.ok) {
    yield* errx(prog, "failed to parse /proc/self/mountinfo");
    return 1;
  }
  const cwd = yield* sys<string>({ name: "getcwd" });
  const abs = (p: string) => absolutePath(p, cwd.ok ? cwd.value : "/");
  const [a, b] = parsed.operands;
  const either = parsed.operands.length === 1 ? a : undefined;
  if (parsed.operands.length === 2) [source, target] = [a, b];
  const mounts = table.value;
  if (containing !== undefined) {
    // -T: the mount that holds the path (the longest mount point that is a prefix of it).
    const path = abs(containing);
    const holder = [...mounts].reverse().filter((m) => m.target === "/" || path === m.target || path.startsWith(`${m.target}/`))
      .sort((x, y) => y.target.length - x.target.length)[0];
    target = holder?.target;
    if (target === undefined) return 1;
  }
  const matches = (m: MountEntry) =>
    (types === undefined || types.includes(m.fstype)) &&
    (source === undefined || m.source === source) &&
    (target === undefined || m.target === abs(target)) &&
    (either === undefined || m.source === either || m.target === abs(either));
  const filtered = source !== undefined || target !== undefined || either !== undefined;
  const tree = !view.list && (!filtered || submounts) && types === undefined;
  const get = (m: MountEntry, name: string) => (name === "SOURCE" && noFsRoot ? m.source : COLUMNS[name]!.get(m));
  const lines: Line[] = [];
  const add = (m: MountEntry, parent?: number) => {
    lines.push({ cells: picked.names.map((n) => get(m, n)), parent });
    return lines.length - 1;
  };
  if (tree) {
    const byId = new Map(mounts.map((m) => [m.id, m]));
    const children = (id: number) => mounts.filter((m) => m.parent === id && m.id !== id).sort((x, y) => x.id - y.id);
    const walk = (m: MountEntry, parent?: number) => {
      const at = add(m, parent);
      for (const c of children(m.id)) walk(c, at);
    };
    const starts = filtered ? mounts.filter(matches) : [rootOf(mounts, byId)].filter((m): m is MountEntry => m !== undefined);
    for (const m of starts.slice(0, first ? 1 : undefined)) walk(m);
  } else {
    for (const m of mounts.filter(matches).slice(0, first ? 1 : undefined)) add(m);
  }
  if (lines.length === 0) return 1;
  const out = new Stdout();
  out.put(renderTable(picked.names.map((n) => COLUMNS[n]!), lines, view));
  return (yield* out.close(prog)) ? 0 : 1;
}

/** mnt_table_get_root_fs(): the mount with the lowest parent id, then up through its parents. */
function rootOf(mounts: readonly MountEntry[], byId: ReadonlyMap<number, MountEntry>): MountEntry | undefined {
  let root = mounts.reduce<MountEntry | undefined>((best, m) => (!best || m.parent < best.parent ? m : best), undefined);
  for (let up = root && byId.get(root.parent); up && up !== root; up = byId.get(up.parent)) root = up;
  return root;
}
