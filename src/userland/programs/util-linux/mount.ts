/**
 * mount(8) (util-linux 2.39): without operands it lists the mount table (/proc/self/mountinfo)
 * as `SOURCE on TARGET type FSTYPE (OPTIONS)`; with SOURCE and TARGET it mounts, as libmount
 * does it with mount(2): a bind (and, for `bind,ro` and the like, a second remounting call), a
 * move, a remount (the mount's current flags, then the new words), a propagation change
 * (--make-private and friends, one call each), or a new filesystem (without -t, each
 * non-`nodev` type of /proc/filesystems in turn, as libmount does when blkid finds nothing).
 * mount is setuid root: a user who is not root has the privileges dropped before mount(2)
 * and reads `must be superuser to use mount`.
 */
import type { Errno } from "../../../kernel/index.ts";
import type { ProgramArgs, ProgramRun } from "../../process/program";
import type { Sys } from "../../process/sys";
import { readFile, sys, writeAll } from "../../process/sys";
import type { LongOption } from "../common";
import { Stdout, getopt } from "../common";
import { errx, getRes, tryHelpUl, versionLine } from "./ul";
import { MS_BIND, MS_MOVE, MS_PROPAGATION, MS_REC, MS_REMOUNT, MS_SILENT } from "./flags";
import { BIND_SETTABLE, parseOptions, splitOptions, vfsFlags } from "./mount-opts";
import { DMESG_HINT, MNT_EX_FAIL, MNT_EX_USAGE, absolutePath, mountMessage } from "./mount-errors";
import type { MountEntry } from "./mountinfo";
import { mergedOptions, mountedOn, readMountinfo } from "./mountinfo";

const opt = (key: string, arg: LongOption["arg"] = "none"): LongOption => ({ key, arg });
const MAKE = ["shared", "slave", "private", "unbindable", "rshared", "rslave", "rprivate", "runbindable"];
const LONG: Record<string, LongOption> = {
  all: opt("a"), fake: opt("f"), help: opt("h"), "no-mtab": opt("n"), "read-only": opt("r"), ro: opt("r"),
  verbose: opt("v"), version: opt("V"), "read-write": opt("w"), rw: opt("w"), options: opt("o", "required"),
  types: opt("t", "required"), bind: opt("B"), move: opt("M"), rbind: opt("R"), "show-labels": opt("l"),
  "no-canonicalize": opt("c"), sloppy: opt("s"), "internal-only": opt("i"),
  ...Object.fromEntries(MAKE.map((m) => [`make-${m}`, opt(`make-${m}`)])),
};

export function* mount(args: ProgramArgs): ProgramRun {
  const prog = "mount";
  const parsed = getopt(args.argv, { short: "aBcfFhilMno:rRsvVwt:", long: LONG });
  if (!parsed.ok) {
    yield* writeAll(2, parsed.message + tryHelpUl(prog));
    return MNT_EX_USAGE;
  }
  const words: string[] = [];
  let types: string | undefined;
  let all = false;
  let fake = false;
  for (const { key, value } of parsed.options) {
    if (key === "h") return (yield* writeAll(1, `\nUsage:\n ${prog} [-lhV]\n ${prog} -a [options]\n ${prog} [options] [--source] <source> | [--target] <directory>\n ${prog} [options] <source> <directory>\n ${prog} <operation> <mountpoint> [<target>]\n\nMount a filesystem.\n\nFor more details see mount(8).\n`)) ? 1 : 0;
    if (key === "V") return (yield* writeAll(1, versionLine(prog))) ? 1 : 0;
    if (key === "o") words.push(...splitOptions(value!));
    else if (key === "t") types = value;
    else if (key === "r") words.push("ro");
    else if (key === "w") words.push("rw");
    else if (key === "B") words.push("bind");
    else if (key === "R") words.push("rbind");
    else if (key === "M") words.push("move");
    else if (key === "a") all = true;
    else if (key === "f") fake = true;
    else if (key.startsWith("make-")) words.push(key.slice(5));
  }
  const ops = parsed.operands;
  if (ops.length === 0 && !all && words.length === 0) return yield* listMounts(prog, types);
  if (ops.length > 2 || (ops.length === 0 && !all)) {
    yield* writeAll(2, `${prog}: bad usage\n${tryHelpUl(prog)}`);
    return MNT_EX_USAGE;
  }
  const [ruid, euid] = yield* getRes("getresuid");
  if (ruid !== 0 || euid !== 0) {
    // The setuid mount drops its privileges for anything but an fstab "user" mount.
    const [rgid] = yield* getRes("getresgid");
    yield* sys<0>({ name: "setresgid", ids: [rgid, rgid, rgid] });
    yield* sys<0>({ name: "setresuid", ids: [ruid, ruid, ruid] });
  }
  const table = yield* readMountinfo();
  const mounts = table.ok ? table.value : [];
  const cwd = yield* sys<string>({ name: "getcwd" });
  const abs = (p: string) => absolutePath(p, cwd.ok ? cwd.value : "/");
  const opts = parseOptions(words);
  if (all) return 0; // SIMPLIFICATION: `mount -a` mounts nothing (fstab's only entry, /, is mounted).
  let source: string | null = ops.length === 2 ? ops[0]! : null;
  let target = abs(ops[ops.length - 1]!);
  let fstype: string | null = types ?? null;
  let flags = opts.flags;
  const propagationOnly = (flags & MS_PROPAGATION) !== 0 && (flags & ~(MS_PROPAGATION | MS_REC | MS_SILENT)) === 0;
  if (ops.length === 1 && !propagationOnly && !(flags & MS_REMOUNT)) {
    const fstab = yield* readFile("/etc/fstab");
    const entry = (fstab.ok ? fstab.value : "").split("\n").map((l) => l.trim().split(/\s+/))
      .find((f) => !f[0]?.startsWith("#") && f.length >= 3 && (f[1] === target || f[0] === ops[0]));
    if (!entry) {
      yield* errx(prog, `${ops[0]}: can't find in /etc/fstab.`);
      return MNT_EX_USAGE;
    }
    [source, target, fstype] = [entry[0]!, entry[1]!, fstype ?? entry[2]!];
    flags = parseOptions([...splitOptions(entry[3] ?? ""), ...words]).flags;
  }
  const fail = function* (e: Errno, f: number, src: string | null, type: string | null, applyFlags = false): Sys<number> {
    const message = yield* mountMessage(e, { source: src, target, fstype: type, flags: f, rwOnly: opts.rwGiven && words.includes("rw"), euid: ruid === 0 && euid === 0 ? 0 : ruid, table: mounts, applyFlags });
    yield* writeAll(2, `${prog}: ${target}: ${message}.\n${DMESG_HINT}`);
    return MNT_EX_FAIL;
  };
  const call = function* (src: string | null, type: string | null, f: number, data: string | null): Sys<Errno | undefined> {
    if (fake) return undefined;
    const r = yield* sys<0>({ name: "mount", source: src, target, fstype: type, flags: f, data });
    return r.ok ? undefined : r.error;
  };
  // The propagation change is a mount(2) call of its own, after the mount itself.
  const propagate = function* (): Sys<number> {
    const p = flags & MS_PROPAGATION;
    if (!p) return 0;
    const e = yield* call("none", null, p | (flags & MS_REC), null);
    return e ? yield* fail(e, p, "none", null, true) : 0;
  };
  if (propagationOnly) return yield* propagate();
  if (flags & MS_MOVE) {
    const src = source && abs(source);
    const e = yield* call(src, null, MS_MOVE, null);
    return e ? yield* fail(e, MS_MOVE, src, null) : 0;
  }
  if (flags & MS_REMOUNT) {
    const cur = mountedOn(mounts, target);
    const bind = (flags & MS_BIND) !== 0;
    const f = bind ? MS_REMOUNT | MS_BIND | (flags & BIND_SETTABLE) : parseOptions(words, cur ? vfsFlags(cur.vfsOptions) : 0).flags | MS_REMOUNT;
    const src = source ?? cur?.source ?? null;
    const e = yield* call(src, bind ? null : (fstype ?? cur?.fstype ?? null), f & ~MS_PROPAGATION, bind ? null : opts.data);
    return e ? yield* fail(e, f, src, fstype) : yield* propagate();
  }
  if (flags & MS_BIND) {
    const src = source === null ? null : abs(source);
    const e = yield* call(src, null, flags & (MS_BIND | MS_REC), null);
    if (e) return yield* fail(e, flags, src, null);
    if (flags & BIND_SETTABLE) {
      const again = yield* call("none", null, MS_REMOUNT | MS_BIND | (flags & BIND_SETTABLE), null);
      if (again) return yield* fail(again, MS_REMOUNT | MS_BIND, src, null);
    }
    return yield* propagate();
  }
  const candidates = fstype !== null ? [fstype] : yield* diskTypes();
  let last: Errno = "EINVAL";
  for (const type of candidates) {
    const e = yield* call(source ?? "none", type, flags & ~MS_PROPAGATION, opts.data);
    if (!e) return yield* propagate();
    last = e;
    if (e !== "EINVAL" && e !== "ENODEV") return yield* fail(e, flags, source ?? "none", type);
  }
  return yield* fail(last, flags, source ?? "none", candidates.length === 1 ? candidates[0]! : null);
}

/**
 * No -t: each filesystem of /proc/filesystems not marked `nodev`, in turn.
 * SIMPLIFICATION: libmount first asks blkid what the device holds; there is no blkid here.
 */
function* diskTypes(): Sys<string[]> {
  const fs = yield* readFile("/proc/filesystems");
  return (fs.ok ? fs.value : "").split("\n").filter((l) => l.startsWith("\t")).map((l) => l.trim());
}

/** `mount` or `mount -t TYPES`: the table in mount(8)'s words. */
function* listMounts(prog: string, types: string | undefined): Sys<number> {
  const table = yield* readMountinfo();
  if (!table.ok) {
    yield* errx(prog, "failed to read mtab");
    return MNT_EX_FAIL;
  }
  const negate = types?.startsWith("no") ?? false;
  const wanted = types === undefined ? undefined : (negate ? types.slice(2) : types).split(",");
  const out = new Stdout();
  for (const m of table.value as MountEntry[]) {
    if (wanted && wanted.includes(m.fstype) === negate) continue;
    if (out.put(`${m.source} on ${m.target} type ${m.fstype} (${mergedOptions(m)})\n`)) yield* out.flush();
  }
  return (yield* out.close(prog)) ? 0 : MNT_EX_FAIL;
}
