/**
 * nsenter(1) (util-linux 2.39 sys-utils/nsenter.c): opens /proc/PID/ns/* for each namespace
 * asked for (user, cgroup, ipc, uts, net, pid, mnt, time — that order matters), enters them
 * with setns(2) in two passes (the user namespace last, then first if that failed), optionally
 * changes root and working directory to the target's, and execs the program; after entering a
 * PID namespace it forks, so that the child is in it, and the parent waits and passes on the
 * child's status.
 * The nsfs inode number (fstat of each descriptor) tells namespaces apart, as nsenter's own
 * is_same_namespace() does.
 */
import type { Errno, StatResult } from "../../../kernel/index.ts";
import { O_RDONLY } from "../../../kernel/index.ts";
import type { ProgramArgs, ProgramRun } from "../../process/program";
import type { Sys } from "../../process/sys";
import { close, open, sys, writeAll } from "../../process/sys";
import type { LongOption } from "../common";
import { getopt } from "../common";
import { loadAccounts, userByName } from "../accounts";
import { errno, errx, execOrDie, execShell, expandOptionalShorts, forkAndWait, parseUnsigned, tryHelpUl, versionLine } from "./ul";
import { CLONE_NEWCGROUP, CLONE_NEWIPC, CLONE_NEWNET, CLONE_NEWNS, CLONE_NEWPID, CLONE_NEWTIME, CLONE_NEWUSER, CLONE_NEWUTS } from "./flags";

/** namespace_files[]: the order namespaces are entered in. */
const NAMESPACES = [
  { key: "U", flag: CLONE_NEWUSER, name: "ns/user" }, { key: "C", flag: CLONE_NEWCGROUP, name: "ns/cgroup" },
  { key: "i", flag: CLONE_NEWIPC, name: "ns/ipc" }, { key: "u", flag: CLONE_NEWUTS, name: "ns/uts" },
  { key: "n", flag: CLONE_NEWNET, name: "ns/net" }, { key: "p", flag: CLONE_NEWPID, name: "ns/pid" },
  { key: "m", flag: CLONE_NEWNS, name: "ns/mnt" }, { key: "T", flag: CLONE_NEWTIME, name: "ns/time" },
] as const;

const opt = (key: string, arg: LongOption["arg"] = "none"): LongOption => ({ key, arg });
const LONG: Record<string, LongOption> = {
  all: opt("a"), help: opt("h"), version: opt("V"), target: opt("t", "required"), mount: opt("m", "optional"),
  uts: opt("u", "optional"), ipc: opt("i", "optional"), net: opt("n", "optional"), pid: opt("p", "optional"),
  user: opt("U", "optional"), cgroup: opt("C", "optional"), time: opt("T", "optional"), setuid: opt("S", "required"),
  setgid: opt("G", "required"), root: opt("r", "optional"), wd: opt("w", "optional"), "no-fork": opt("F"),
  "preserve-credentials": opt("preserve-credentials"),
};

/** The letters whose argument is optional (`-m[file]`), by long name. */
const OPTIONAL = { m: "mount", u: "uts", i: "ipc", n: "net", p: "pid", C: "cgroup", U: "user", T: "time", r: "root", w: "wd" };

const HELP = (p: string) => `\nUsage:\n ${p} [options] [<program> [<argument>...]]\n\nRun a program with namespaces of other processes.\n\nFor more details see nsenter(1).\n`;

interface Opened {
  readonly name: string;
  readonly flag: number;
  readonly fd: number;
  readonly id: number;
}

export function* nsenter(args: ProgramArgs): ProgramRun {
  const prog = "nsenter";
  const argv = expandOptionalShorts(args.argv, OPTIONAL, "tSG", ["target", "setuid", "setgid"]);
  const parsed = getopt(argv, { short: "+ahVt:muinpCUTS:G:rwF", long: LONG });
  if (!parsed.ok) {
    yield* writeAll(2, parsed.message + tryHelpUl(prog));
    return 1;
  }
  let target: number | undefined;
  let all = false;
  let noFork = false;
  let preserve = false;
  let uid = 0;
  let gid = 0;
  let root: string | null | undefined;
  let wd: string | null | undefined;
  const wanted = new Map<string, string | undefined>();
  for (const { key, value } of parsed.options) {
    if (key === "h") return (yield* writeAll(1, HELP(prog))) ? 1 : 0;
    if (key === "V") return (yield* writeAll(1, versionLine(prog))) ? 1 : 0;
    if (key === "t") {
      target = parseUnsigned(value);
      if (target === undefined) {
        yield* errx(prog, `failed to parse pid: '${value}'`);
        return 1;
      }
    } else if (key === "a") all = true;
    else if (key === "F") noFork = true;
    else if (key === "preserve-credentials") preserve = true;
    else if (key === "S" || key === "G") {
      const id = key === "S" ? (userByName(yield* loadAccounts(), value!)?.uid ?? parseUnsigned(value)) : parseUnsigned(value);
      if (id === undefined) {
        yield* errx(prog, `failed to parse ${key === "S" ? "uid" : "gid"}: '${value}'`);
        return 1;
      }
      if (key === "S") uid = id;
      else gid = id;
    } else if (key === "r") root = value ?? null;
    else if (key === "w") wd = value ?? null;
    else wanted.set(key, value);
  }
  const nsPath = (name: string) => (target !== undefined ? `/proc/${target}/${name}` : undefined);
  if (all) {
    if (target === undefined) {
      yield* errx(prog, "no target PID specified for --all");
      return 1;
    }
    for (const ns of NAMESPACES) {
      if (wanted.has(ns.key)) continue;
      const there = yield* sys<string>({ name: "readlink", path: `/proc/${target}/${ns.name}` });
      if (!there.ok && there.error === "ENOENT") continue;
      // setns(2) may not re-enter the caller's own user namespace.
      const here = yield* sys<string>({ name: "readlink", path: `/proc/self/${ns.name}` });
      if (ns.flag === CLONE_NEWUSER && there.ok && here.ok && there.value === here.value) continue;
      wanted.set(ns.key, undefined);
    }
  }
  const opened: Opened[] = [];
  for (const ns of NAMESPACES) {
    if (!wanted.has(ns.key)) continue;
    const path = wanted.get(ns.key) ?? nsPath(ns.name);
    if (path === undefined) {
      yield* errx(prog, `neither filename nor target pid supplied for ${ns.name}`);
      return 1;
    }
    const fd = yield* open(path, O_RDONLY);
    if (!fd.ok) {
      yield* errno(prog, `cannot open ${path}`, fd.error);
      return 1;
    }
    const st = yield* sys<StatResult>({ name: "fstat", fd: fd.value });
    opened.push({ name: ns.name, flag: ns.flag, fd: fd.value, id: st.ok ? st.value.ino : 0 });
  }
  // -r and -w: descriptors of the new root and working directory, opened before any setns.
  const dirFds: Partial<Record<"root" | "cwd", number>> = {};
  for (const [what, spec] of [["root", root], ["cwd", wd]] as const) {
    if (spec === undefined) continue;
    const path = spec ?? nsPath(what);
    if (path === undefined) {
      yield* errx(prog, `neither filename nor target pid supplied for ${what}`);
      return 1;
    }
    const fd = yield* open(path, O_RDONLY);
    if (!fd.ok) return yield* die(prog, `cannot open ${path}`, fd.error);
    dirFds[what] = fd.value;
  }
  let fork = false;
  const entered = new Set<number>();
  for (const pass of [0, 1]) {
    for (const ns of opened) {
      if (entered.has(ns.flag) || (pass === 0 && ns.flag === CLONE_NEWUSER)) continue;
      if (ns.flag === CLONE_NEWPID && !noFork) fork = true;
      const r = yield* sys<0>({ name: "setns", fd: ns.fd, nstype: ns.flag });
      if (!r.ok) {
        if (pass === 0) continue;
        return yield* die(prog, `reassociate to namespace '${ns.name}' failed`, r.error);
      }
      entered.add(ns.flag);
      yield* close(ns.fd);
    }
  }
  const failed = yield* changeRoot(prog, dirFds.root, dirFds.cwd);
  if (failed !== undefined) return failed;
  if (entered.has(CLONE_NEWUSER) && !preserve) {
    yield* sys<0>({ name: "setgroups", groups: [] }); // EPERM (setgroups denied) is fine here
    const g = yield* sys<0>({ name: "setresgid", ids: [gid, gid, gid] });
    if (!g.ok) return yield* die(prog, "setgid failed", g.error);
    const u = yield* sys<0>({ name: "setresuid", ids: [uid, uid, uid] });
    if (!u.ok) return yield* die(prog, "setuid failed", u.error);
  }
  const run = () => (parsed.operands.length > 0 ? execOrDie(prog, parsed.operands, args.env) : execShell(prog, args.env));
  if (!fork) return yield* run();
  const out = yield* forkAndWait(() => run());
  if ("error" in out) return yield* die(prog, "fork failed", out.error);
  return out.status;
}

function* die(prog: string, message: string, e: Errno): Sys<number> {
  yield* errno(prog, message, e);
  return 1;
}

/**
 * -r and -w: nsenter fchdir(2)s to the descriptors and chroot(".")s.
 * SIMPLIFICATION: there is no fchdir(2); the directories are reached through the
 * /proc/self/fd/N magic links instead (working directory first, then the root), which fails
 * where /proc/self cannot be resolved — a /proc of a PID namespace nsenter itself is not in.
 */
function* changeRoot(prog: string, rootFd: number | undefined, wdFd: number | undefined): Sys<number | undefined> {
  const viaFd = (fd: number) => `/proc/self/fd/${fd}`;
  if (wdFd !== undefined) {
    const c = yield* sys<0>({ name: "chdir", path: viaFd(wdFd) });
    if (!c.ok) return yield* die(prog, "change directory by working directory file descriptor failed", c.error);
  }
  if (rootFd !== undefined) {
    const r = yield* sys<0>({ name: "chroot", path: viaFd(rootFd) });
    if (!r.ok) return yield* die(prog, "chroot failed", r.error);
    yield* close(rootFd);
  }
  if (wdFd !== undefined) yield* close(wdFd);
  return undefined;
}
