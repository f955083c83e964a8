/**
 * umount(8) (util-linux 2.39): umount2(2) of each mount point given (-l: MNT_DETACH, -f:
 * MNT_FORCE; -R: every mount below it first, deepest first), failures worded as libmount does
 * (`umount: /mnt: not mounted.`, exit 32). A device or file that is not a mount point but is
 * mounted somewhere stands for that mount point. umount is setuid root: a user who is not
 * root has the privileges dropped and reads `must be superuser to unmount`.
 */
import type { ProgramArgs, ProgramRun } from "../../process/program";
import { sys, writeAll } from "../../process/sys";
import type { LongOption } from "../common";
import { getopt } from "../common";
import { getRes, tryHelpUl, versionLine } from "./ul";
import { MNT_DETACH, MNT_FORCE } from "./flags";
import { MNT_EX_FAIL, MNT_EX_USAGE, absolutePath, umountMessage } from "./mount-errors";
import type { MountEntry } from "./mountinfo";
import { readMountinfo } from "./mountinfo";

const opt = (key: string, arg: LongOption["arg"] = "none"): LongOption => ({ key, arg });
const LONG: Record<string, LongOption> = {
  all: opt("a"), "all-targets": opt("A"), "detach-loop": opt("d"), fake: opt("fake"), force: opt("f"),
  help: opt("h"), "internal-only": opt("i"), "no-mtab": opt("n"), lazy: opt("l"), "no-canonicalize": opt("c"),
  quiet: opt("q"), recursive: opt("R"), "read-only": opt("r"), types: opt("t", "required"), verbose: opt("v"),
  version: opt("V"),
};

export function* umount(args: ProgramArgs): ProgramRun {
  const prog = "umount";
  const parsed = getopt(args.argv, { short: "aAcdfhilnqRrt:O:vVN:", long: LONG });
  if (!parsed.ok) {
    yield* writeAll(2, parsed.message + tryHelpUl(prog));
    return MNT_EX_USAGE;
  }
  let flags = 0;
  let recursive = false;
  let quiet = false;
  let verbose = false;
  for (const { key } of parsed.options) {
    if (key === "h") return (yield* writeAll(1, `\nUsage:\n ${prog} [-hV]\n ${prog} -a [options]\n ${prog} [options] <source> | <directory>\n\nUnmount filesystems.\n\nFor more details see umount(8).\n`)) ? 1 : 0;
    if (key === "V") return (yield* writeAll(1, versionLine(prog))) ? 1 : 0;
    if (key === "l") flags |= MNT_DETACH;
    else if (key === "f") flags |= MNT_FORCE;
    else if (key === "R") recursive = true;
    else if (key === "q") quiet = true;
    else if (key === "v") verbose = true;
    else if (key === "a" || key === "A") {
      // SIMPLIFICATION: unmounting every filesystem of the table is not simulated.
      yield* writeAll(2, `${prog}: --all is not simulated\n`);
      return MNT_EX_USAGE;
    }
  }
  if (parsed.operands.length === 0) {
    yield* writeAll(2, `${prog}: bad usage\n${tryHelpUl(prog)}`);
    return MNT_EX_USAGE;
  }
  const [ruid, euid] = yield* getRes("getresuid");
  if (ruid !== 0 || euid !== 0) {
    const [rgid] = yield* getRes("getresgid");
    yield* sys<0>({ name: "setresgid", ids: [rgid, rgid, rgid] });
    yield* sys<0>({ name: "setresuid", ids: [ruid, ruid, ruid] });
  }
  const cwd = yield* sys<string>({ name: "getcwd" });
  let status = 0;
  for (const spec of parsed.operands) {
    const table = yield* readMountinfo();
    const mounts = table.ok ? table.value : [];
    const abs = absolutePath(spec, cwd.ok ? cwd.value : "/");
    const exists = (yield* sys<unknown>({ name: "stat", path: spec })).ok;
    const target = resolveTarget(mounts, spec, abs) ?? (exists ? abs : spec);
    const targets = recursive ? below(mounts, target) : [target];
    for (const t of targets) {
      const r = yield* sys<0>({ name: "umount2", target: t, flags });
      if (r.ok) {
        if (verbose) yield* writeAll(1, `${prog}: ${t} unmounted\n`);
        continue;
      }
      status = MNT_EX_FAIL;
      if (!(quiet && r.error === "EINVAL")) yield* writeAll(2, `${prog}: ${t}: ${umountMessage(r.error)}.\n`);
      break;
    }
  }
  return status;
}

/** A mount point as given, or the mount point of a mounted device or source. */
function resolveTarget(mounts: readonly MountEntry[], spec: string, abs: string): string | undefined {
  if (mounts.some((m) => m.target === abs)) return abs;
  return [...mounts].reverse().find((m) => m.source === spec)?.target;
}

/** -R: the mount point and every mount below it, the deepest (latest) first. */
function below(mounts: readonly MountEntry[], target: string): string[] {
  const prefix = target === "/" ? "/" : `${target}/`;
  return mounts.filter((m) => m.target === target || m.target.startsWith(prefix)).map((m) => m.target).reverse();
}
