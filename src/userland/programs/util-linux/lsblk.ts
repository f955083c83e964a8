/**
 * lsblk(8) (util-linux 2.39): the block devices of /sys/block, each disk with its partitions
 * under it, read from sysfs (dev, size in 512-byte sectors, ro, removable) with the mount
 * points of /proc/self/mountinfo that carry the same major:minor. Default columns NAME MAJ:MIN
 * RM SIZE RO TYPE MOUNTPOINTS; sizes in lsblk's short binary units (`40G`, `1.5M`).
 *
 * SIMPLIFICATION: a partition is a subdirectory of its disk named after it with a `dev` file
 * (the simulated sysfs has no `partition` or `start` file to tell them by), and the type is
 * `disk` or `part` (or `loop` for major 7); -f and the filesystem columns need blkid, which is
 * not simulated.
 */
import type { ProgramArgs, ProgramRun } from "../../process/program";
import type { Sys } from "../../process/sys";
import { listDir, readFile, writeAll } from "../../process/sys";
import type { LongOption } from "../common";
import { Stdout, getopt } from "../common";
import { errx, tryHelpUl, versionLine } from "./ul";
import type { Column, Line } from "./scols";
import { pickColumns, renderTable } from "./scols";
import type { MountEntry } from "./mountinfo";
import { readMountinfo } from "./mountinfo";

interface Device {
  readonly name: string;
  readonly major: number;
  readonly minor: number;
  readonly bytes: number;
  readonly ro: boolean;
  readonly rm: boolean;
  readonly type: string;
  readonly parts: readonly Device[];
}

/** size_to_human_string() with lsblk's one-letter suffix and one decimal. */
export function humanSize(bytes: number): string {
  let exp = 0;
  while (exp < 60 && bytes >= 2 ** (exp + 10)) exp += 10;
  const unit = "BKMGTPE"[exp / 10]!;
  let dec = Math.floor(bytes / 2 ** exp);
  let frac = exp ? Math.floor(((bytes % 2 ** exp) * 1000) / 2 ** exp) : 0;
  frac = Math.floor((frac + 50) / 100);
  if (frac === 10) [dec, frac] = [dec + 1, 0];
  return frac ? `${dec}.${frac}${unit}` : `${dec}${unit}`;
}

const COLUMNS: Record<string, Column & { get: (d: Device, mounts: readonly MountEntry[], o: { bytes: boolean; paths: boolean }) => string }> = {
  NAME: { name: "NAME", hint: 0.25, tree: true, get: (d, _m, o) => (o.paths ? `/dev/${d.name}` : d.name) },
  "MAJ:MIN": { name: "MAJ:MIN", hint: 6, get: (d) => `${String(d.major).padStart(3)}:${String(d.minor).padEnd(3)}` },
  RM: { name: "RM", hint: 1, right: true, get: (d) => (d.rm ? "1" : "0") },
  SIZE: { name: "SIZE", hint: 5, right: true, get: (d, _m, o) => (o.bytes ? String(d.bytes) : humanSize(d.bytes)) },
  RO: { name: "RO", hint: 1, right: true, get: (d) => (d.ro ? "1" : "0") },
  TYPE: { name: "TYPE", hint: 4, get: (d) => d.type },
  MOUNTPOINT: { name: "MOUNTPOINT", hint: 0.1, get: (d, m) => [...m].reverse().find((x) => x.major === d.major && x.minor === d.minor)?.target ?? "" },
  MOUNTPOINTS: { name: "MOUNTPOINTS", hint: 0.1, get: (d, m) => m.filter((x) => x.major === d.major && x.minor === d.minor).map((x) => x.target).join("\n") },
  KNAME: { name: "KNAME", hint: 0.3, get: (d) => d.name },
  PATH: { name: "PATH", hint: 0.3, get: (d) => `/dev/${d.name}` },
};

function* readDevice(dir: string, name: string, parts?: readonly Device[]): Sys<Device | undefined> {
  const dev = yield* readFile(`${dir}/dev`);
  if (!dev.ok) return undefined;
  const [major, minor] = dev.value.trim().split(":").map(Number);
  const num = function* (file: string) {
    const r = yield* readFile(`${dir}/${file}`);
    return r.ok ? Number(r.value.trim()) || 0 : 0;
  };
  const bytes = (yield* num("size")) * 512;
  const type = parts === undefined ? "part" : major === 7 ? "loop" : "disk";
  return { name, major: major ?? 0, minor: minor ?? 0, bytes, ro: (yield* num("ro")) === 1, rm: (yield* num("removable")) === 1, type, parts: parts ?? [] };
}

function* readDisks(): Sys<Device[]> {
  const top = yield* listDir("/sys/block");
  const names = top.ok ? top.value.map((d) => d.name).filter((n) => !n.startsWith(".")).sort() : [];
  const disks: Device[] = [];
  for (const name of names) {
    const entries = yield* listDir(`/sys/block/${name}`);
    const parts: Device[] = [];
    for (const e of entries.ok ? entries.value.map((d) => d.name).sort() : []) {
      if (!e.startsWith(name) || e === name) continue;
      const p = yield* readDevice(`/sys/block/${name}/${e}`, e);
      if (p) parts.push(p);
    }
    const disk = yield* readDevice(`/sys/block/${name}`, name, parts);
    if (disk && (disk.bytes > 0 || parts.length > 0)) disks.push(disk);
  }
  return disks;
}

const opt = (key: string, arg: LongOption["arg"] = "none"): LongOption => ({ key, arg });
const LONG: Record<string, LongOption> = {
  all: opt("a"), bytes: opt("b"), nodeps: opt("d"), help: opt("h"), list: opt("l"), noheadings: opt("n"),
  output: opt("o", "required"), paths: opt("p"), raw: opt("r"), version: opt("V"), fs: opt("f"),
};

export function* lsblk(args: ProgramArgs): ProgramRun {
  const prog = "lsblk";
  const parsed = getopt(args.argv, { short: "abdfhlno:prV", long: LONG });
  if (!parsed.ok) {
    yield* writeAll(2, parsed.message + tryHelpUl(prog));
    return 1;
  }
  const o = { bytes: false, paths: false, nodeps: false };
  const view = { noHeadings: false, raw: false, list: false };
  let output: string | undefined;
  for (const { key, value } of parsed.options) {
    if (key === "h") return (yield* writeAll(1, `\nUsage:\n ${prog} [options] [<device> ...]\n\nList information about block devices.\n\nFor more details see lsblk(8).\n`)) ? 1 : 0;
    if (key === "V") return (yield* writeAll(1, versionLine(prog))) ? 1 : 0;
    if (key === "f") {
      yield* errx(prog, "--fs needs blkid, which is not simulated");
      return 1;
    }
    if (key === "b") o.bytes = true;
    else if (key === "p") o.paths = true;
    else if (key === "d") o.nodeps = true;
    else if (key === "o") output = value;
    else if (key === "n") view.noHeadings = true;
    else if (key === "l") view.list = true;
    else if (key === "r") [view.raw, view.list] = [true, true];
  }
  const picked = pickColumns(output, ["NAME", "MAJ:MIN", "RM", "SIZE", "RO", "TYPE", "MOUNTPOINTS"], Object.keys(COLUMNS));
  if (!picked.ok) {
    yield* errx(prog, `unknown column: ${picked.unknown}`);
    return 1;
  }
  const table = yield* readMountinfo();
  const mounts = table.ok ? table.value : [];
  let disks = yield* readDisks();
  const status = { code: 0 };
  if (parsed.operands.length > 0) {
    const wanted: Device[] = [];
    for (const op of parsed.operands) {
      const name = op.replace(/^\/dev\//, "");
      const hit = disks.find((d) => d.name === name) ?? disks.flatMap((d) => d.parts).find((p) => p.name === name);
      if (hit) wanted.push(hit);
      else yield* errx(prog, `${op}: not a block device`);
    }
    // 32: none of the devices asked for was found; 64: some were.
    if (wanted.length < parsed.operands.length) status.code = wanted.length === 0 ? 32 : 64;
    disks = wanted;
  }
  const lines: Line[] = [];
  const cells = (d: Device) => picked.names.map((n) => COLUMNS[n]!.get(d, mounts, o));
  for (const d of disks) {
    const at = lines.push({ cells: cells(d) }) - 1;
    if (!o.nodeps) for (const p of d.parts) lines.push({ cells: cells(p), parent: at });
  }
  if (lines.length === 0) return status.code;
  const out = new Stdout();
  out.put(renderTable(picked.names.map((n) => COLUMNS[n]!), lines, view));
  return (yield* out.close(prog)) ? status.code : 1;
}
