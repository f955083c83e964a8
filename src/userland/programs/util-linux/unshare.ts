/**
 * unshare(1) (util-linux 2.39 sys-utils/unshare.c): unshare(2) with the chosen CLONE_NEW*
 * flags, then optionally fork (the parent waits and returns the child's status), write the
 * child's uid_map/gid_map (-r, --map-user, --map-group, --map-current-user), make every mount
 * private (the default --propagation for a new mount namespace), mount a fresh proc
 * (--mount-proc), and exec the program with a PATH search, or $SHELL as a login shell.
 */
import type { ProgramArgs, ProgramRun } from "../../process/program";
import type { Sys } from "../../process/sys";
import { sys, writeAll } from "../../process/sys";
import type { LongOption } from "../common";
import { getopt } from "../common";
import { loadAccounts, userByName } from "../accounts";
import { errno, errx, execOrDie, execShell, forkAndWait, getRes, parseUnsigned, tryHelpUl, versionLine, writeProcFile } from "./ul";
import { CLONE_NEWCGROUP, CLONE_NEWIPC, CLONE_NEWNET, CLONE_NEWNS, CLONE_NEWPID, CLONE_NEWTIME, CLONE_NEWUSER, CLONE_NEWUTS, MS_NODEV, MS_NOEXEC, MS_NOSUID, MS_PRIVATE, MS_REC, MS_SHARED, MS_SLAVE } from "./flags";

const opt = (key: string, arg: LongOption["arg"] = "none"): LongOption => ({ key, arg });
const LONG: Record<string, LongOption> = {
  help: opt("h"), version: opt("V"), mount: opt("m", "optional"), uts: opt("u", "optional"), ipc: opt("i", "optional"),
  net: opt("n", "optional"), pid: opt("p", "optional"), user: opt("U", "optional"), cgroup: opt("C", "optional"),
  time: opt("T", "optional"), fork: opt("f"), "mount-proc": opt("mount-proc", "optional"), "map-user": opt("map-user", "required"),
  "map-group": opt("map-group", "required"), "map-root-user": opt("r"), "map-current-user": opt("c"),
  propagation: opt("propagation", "required"), setgroups: opt("setgroups", "required"), setuid: opt("S", "required"),
  setgid: opt("G", "required"), root: opt("R", "required"), wd: opt("w", "required"),
  monotonic: opt("monotonic", "required"), boottime: opt("boottime", "required"),
};

const NS_FLAG: Record<string, number> = {
  m: CLONE_NEWNS, u: CLONE_NEWUTS, i: CLONE_NEWIPC, n: CLONE_NEWNET, p: CLONE_NEWPID, U: CLONE_NEWUSER, C: CLONE_NEWCGROUP, T: CLONE_NEWTIME,
};
const PROPAGATION: Record<string, number> = { slave: MS_REC | MS_SLAVE, shared: MS_REC | MS_SHARED, private: MS_REC | MS_PRIVATE, unchanged: 0 };

interface Plan {
  flags: number;
  fork: boolean;
  procmnt?: string;
  mapUser?: number;
  mapGroup?: number;
  setgroups?: "allow" | "deny";
  propagation: number;
  setuid?: number;
  setgid?: number;
  root?: string;
  wd?: string;
  monotonic?: number;
  boottime?: number;
  realEuid: number;
  realEgid: number;
}

const HELP = (p: string) => `\nUsage:\n ${p} [options] [<program> [<argument>...]]\n\nRun a program with some namespaces unshared from the parent.\n\nFor more details see unshare(1).\n`;

export function* unshare(args: ProgramArgs): ProgramRun {
  const prog = "unshare";
  const parsed = getopt(args.argv, { short: "+fhVmuinpCTUrcR:w:S:G:", long: LONG });
  if (!parsed.ok) {
    yield* writeAll(2, parsed.message + tryHelpUl(prog));
    return 1;
  }
  const [euid] = (yield* getRes("getresuid")).slice(1);
  const [egid] = (yield* getRes("getresgid")).slice(1);
  const plan: Plan = { flags: 0, fork: false, propagation: MS_REC | MS_PRIVATE, realEuid: euid!, realEgid: egid! };
  const accounts = yield* loadAccounts();
  for (const { key, value } of parsed.options) {
    if (key === "h") return (yield* writeAll(1, HELP(prog))) ? 1 : 0;
    if (key === "V") return (yield* writeAll(1, versionLine(prog))) ? 1 : 0;
    if (NS_FLAG[key] !== undefined) {
      if (value !== undefined) {
        // SIMPLIFICATION: persistent namespaces (bind-mounting /proc/self/ns/* onto FILE) are not simulated.
        yield* errx(prog, `persistent namespaces (=${value}) are not simulated`);
        return 1;
      }
      plan.flags |= NS_FLAG[key]!;
    } else if (key === "f") plan.fork = true;
    else if (key === "mount-proc") [plan.flags, plan.procmnt] = [plan.flags | CLONE_NEWNS, value ?? "/proc"];
    else if (key === "r") [plan.flags, plan.mapUser, plan.mapGroup] = [plan.flags | CLONE_NEWUSER, 0, 0];
    else if (key === "c") [plan.flags, plan.mapUser, plan.mapGroup] = [plan.flags | CLONE_NEWUSER, plan.realEuid, plan.realEgid];
    else if (key === "map-user" || key === "S") {
      const id = userByName(accounts, value!)?.uid ?? parseUnsigned(value);
      if (id === undefined) {
        yield* errx(prog, `failed to parse uid: '${value}'`);
        return 1;
      }
      if (key === "S") plan.setuid = id;
      else [plan.flags, plan.mapUser] = [plan.flags | CLONE_NEWUSER, id];
    } else if (key === "map-group" || key === "G") {
      const id = accounts.groups.find((g) => g.name === value)?.gid ?? parseUnsigned(value);
      if (id === undefined) {
        yield* errx(prog, `failed to parse gid: '${value}'`);
        return 1;
      }
      if (key === "G") plan.setgid = id;
      else [plan.flags, plan.mapGroup] = [plan.flags | CLONE_NEWUSER, id];
    } else if (key === "propagation") {
      if (PROPAGATION[value!] === undefined) {
        yield* errx(prog, `unsupported propagation mode: ${value}`);
        return 1;
      }
      plan.propagation = PROPAGATION[value!]!;
    } else if (key === "setgroups") {
      if (value !== "allow" && value !== "deny") {
        yield* errx(prog, `unsupported --setgroups argument '${value}'`);
        return 1;
      }
      plan.setgroups = value;
    } else if (key === "R") plan.root = value;
    else if (key === "w") plan.wd = value;
    else if (key === "monotonic" || key === "boottime") {
      const n = /^-?\d+$/.test(value!) ? Number(value) : undefined;
      if (n === undefined) {
        yield* errx(prog, `failed to parse ${key} offset: '${value}'`);
        return 1;
      }
      plan.flags |= CLONE_NEWTIME;
      plan[key] = n;
    }
  }
  const r = yield* sys<0>({ name: "unshare", flags: plan.flags });
  if (!r.ok) {
    yield* errno(prog, "unshare failed", r.error);
    return 1;
  }
  // CLOCK_MONOTONIC = 1, CLOCK_BOOTTIME = 7 (<linux/time.h>).
  for (const [clock, offset] of [[1, plan.monotonic], [7, plan.boottime]] as const) {
    if (offset === undefined) continue;
    const w = yield* writeProcFile("/proc/self/timens_offsets", `${clock} ${offset} 0`);
    if (w) {
      yield* errno(prog, `failed to ${w.stage === "open" ? "open" : "write to"} /proc/self/timens_offsets`, w.errno);
      return 1;
    }
  }
  const operands = parsed.operands;
  if (plan.fork) {
    const out = yield* forkAndWait(() => afterFork(prog, plan, operands, args.env));
    if ("error" in out) {
      yield* errno(prog, "fork failed", out.error);
      return 1;
    }
    return out.status;
  }
  return yield* afterFork(prog, plan, operands, args.env);
}

/** What the child (or, without --fork, unshare itself) does before it execs. */
function* afterFork(prog: string, plan: Plan, operands: readonly string[], env: readonly string[]): Sys<number> {
  const fail = function* (message: string, e: Parameters<typeof errno>[2]) {
    yield* errno(prog, message, e);
    return 1;
  };
  if (plan.mapUser !== undefined) {
    const w = yield* writeProcFile("/proc/self/uid_map", `${plan.mapUser} ${plan.realEuid} 1`);
    if (w) return yield* fail(`${w.stage === "open" ? "cannot open" : "write failed"} /proc/self/uid_map`, w.errno);
  }
  if (plan.mapGroup !== undefined) {
    if (plan.setgroups === "allow") {
      yield* errx(prog, "options --setgroups=allow and --map-group are mutually exclusive");
      return 1;
    }
    const s = yield* writeProcFile("/proc/self/setgroups", "deny");
    if (s && !(s.stage === "open" && s.errno === "ENOENT")) return yield* fail(`${s.stage === "open" ? "cannot open" : "write failed"} /proc/self/setgroups`, s.errno);
    const w = yield* writeProcFile("/proc/self/gid_map", `${plan.mapGroup} ${plan.realEgid} 1`);
    if (w) return yield* fail(`${w.stage === "open" ? "cannot open" : "write failed"} /proc/self/gid_map`, w.errno);
  }
  if (plan.setgroups) {
    const s = yield* writeProcFile("/proc/self/setgroups", plan.setgroups);
    if (s && !(s.stage === "open" && s.errno === "ENOENT")) return yield* fail(`${s.stage === "open" ? "cannot open" : "write failed"} /proc/self/setgroups`, s.errno);
  }
  if (plan.flags & CLONE_NEWNS && plan.propagation) {
    const m = yield* sys<0>({ name: "mount", source: "none", target: "/", fstype: null, flags: plan.propagation, data: null });
    if (!m.ok) return yield* fail("cannot change root filesystem propagation", m.error);
  }
  if (plan.procmnt) {
    if (!plan.root && plan.propagation !== (MS_PRIVATE | MS_REC)) {
      const m = yield* sys<0>({ name: "mount", source: "none", target: plan.procmnt, fstype: null, flags: MS_PRIVATE | MS_REC, data: null });
      if (!m.ok && m.error !== "EINVAL") return yield* fail(`cannot change ${plan.procmnt} filesystem propagation`, m.error);
    }
    const m = yield* sys<0>({ name: "mount", source: "proc", target: plan.procmnt, fstype: "proc", flags: MS_NOSUID | MS_NOEXEC | MS_NODEV, data: null });
    if (!m.ok) return yield* fail(`mount ${plan.procmnt} failed`, m.error);
  }
  if (plan.root !== undefined) {
    const c = yield* sys<0>({ name: "chroot", path: plan.root });
    if (!c.ok) return yield* fail(`cannot change root directory to '${plan.root}'`, c.error);
    if (plan.wd === undefined) plan.wd = "/";
  }
  if (plan.wd !== undefined) {
    const c = yield* sys<0>({ name: "chdir", path: plan.wd });
    if (!c.ok) return yield* fail(`cannot chdir to '${plan.wd}'`, c.error);
  }
  if (plan.setgid !== undefined) {
    const g = yield* sys<0>({ name: "setgroups", groups: [] });
    if (!g.ok) return yield* fail("setgroups failed", g.error);
    const s = yield* sys<0>({ name: "setresgid", ids: [plan.setgid, plan.setgid, plan.setgid] });
    if (!s.ok) return yield* fail("setgid failed", s.error);
  }
  if (plan.setuid !== undefined) {
    const s = yield* sys<0>({ name: "setresuid", ids: [plan.setuid, plan.setuid, plan.setuid] });
    if (!s.ok) return yield* fail("setuid failed", s.error);
  }
  if (operands.length > 0) return yield* execOrDie(prog, operands, env);
  return yield* execShell(prog, env);
}
