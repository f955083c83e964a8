/**
 * setpriv(1) (util-linux 2.39): runs a program with changed privileges — uids and gids
 * (setresuid/setresgid, keeping capabilities across the change with PR_SET_KEEPCAPS),
 * supplementary groups, no_new_privs, the bounding, inheritable and ambient sets, securebits —
 * or with -d prints the current state. Failures to change privileges exit 127.
 *
 * SIMPLIFICATION: the kernel has no PR_GET_SECUREBITS or PR_GET_PDEATHSIG; the dump prints
 * `[none]` for both, and --securebits starts from 0.
 */
import type { CapSets, Errno } from "../../../kernel/index.ts";
import type { ProgramArgs, ProgramRun } from "../../process/program";
import type { Sys } from "../../process/sys";
import { sys, writeAll } from "../../process/sys";
import type { LongOption } from "../common";
import { getenv, getopt } from "../common";
import { groupList, loadAccounts, userById, userByName } from "../accounts";
import { CAP_BITS, capAt, capFromName, capget, capset, has, setOf } from "./caps";
import { dumpState, ngName } from "./setpriv-dump";
import { errno, errx, execOrDie, getRes, parseUnsigned, tryHelpUl, versionLine } from "./ul";
import { SECBIT_KEEP_CAPS, SECBIT_KEEP_CAPS_LOCKED, SECBIT_NOROOT, SECBIT_NOROOT_LOCKED, SECBIT_NO_SETUID_FIXUP, SECBIT_NO_SETUID_FIXUP_LOCKED } from "./flags";

const PRIVERR = 127;
const SECBITS: Record<string, number> = {
  noroot: SECBIT_NOROOT, noroot_locked: SECBIT_NOROOT_LOCKED, no_setuid_fixup: SECBIT_NO_SETUID_FIXUP,
  no_setuid_fixup_locked: SECBIT_NO_SETUID_FIXUP_LOCKED, keep_caps_locked: SECBIT_KEEP_CAPS_LOCKED,
};
const GROUP_OPTS = ["clear-groups", "keep-groups", "init-groups", "groups"];
const VALUED = ["inh-caps", "ambient-caps", "bounding-set", "ruid", "euid", "rgid", "egid", "reuid", "regid", "groups", "securebits", "pdeathsig", "selinux-label", "apparmor-profile"];
const LONG: Record<string, LongOption> = {
  dump: { key: "d", arg: "none" }, nnp: { key: "nnp", arg: "none" }, "no-new-privs": { key: "nnp", arg: "none" },
  "list-caps": { key: "list-caps", arg: "none" }, "clear-groups": { key: "clear-groups", arg: "none" },
  "keep-groups": { key: "keep-groups", arg: "none" }, "init-groups": { key: "init-groups", arg: "none" },
  "reset-env": { key: "reset-env", arg: "none" }, help: { key: "h", arg: "none" }, version: { key: "V", arg: "none" },
  ...Object.fromEntries(VALUED.map((k) => [k, { key: k, arg: "required" } as LongOption])),
};

/** libcap-ng's names (`net_raw`); `cap_net_raw` and `cap_N` are accepted too. */
const ngFromName = (t: string) => capFromName(t.startsWith("cap_") ? t : `cap_${t}`) ?? (/^cap_\d+$/.test(t) ? capFromName(t.slice(4)) : undefined);

export function* setpriv(args: ProgramArgs): ProgramRun {
  const prog = "setpriv";
  const parsed = getopt(args.argv, { short: "+dhV", long: LONG });
  if (!parsed.ok) {
    yield* writeAll(2, parsed.message + tryHelpUl(prog));
    return 1;
  }
  const accounts = yield* loadAccounts();
  const o: Record<string, string | undefined> = {};
  const seen = new Set<string>();
  let dump = 0;
  let groupOpt: string | undefined;
  for (const { key, value } of parsed.options) {
    if (key === "h") return (yield* writeAll(1, `\nUsage:\n ${prog} [options] <program> [<argument>...]\n\nRun a program with different privilege settings.\n\n This tool can be dangerous.  Read the manpage, and be careful.\n\nFor more details see setpriv(1).\n`)) ? 1 : 0;
    if (key === "V") return (yield* writeAll(1, versionLine(prog))) ? 1 : 0;
    if (key === "d") {
      dump++;
      continue;
    }
    if (GROUP_OPTS.includes(key)) {
      if (groupOpt !== undefined && groupOpt !== key) {
        yield* writeAll(2, `${prog}: mutually exclusive arguments:${GROUP_OPTS.map((g) => ` --${g}`).join("")}\n`);
        return 1;
      }
      groupOpt = key;
    }
    const dupName = { ruid: "ruid", euid: "euid", reuid: "ruid or euid", rgid: "rgid", egid: "egid", regid: "rgid or egid" }[key];
    const clash = key === "reuid" ? seen.has("ruid") || seen.has("euid") : key === "regid" ? seen.has("rgid") || seen.has("egid") : seen.has(key);
    if (clash) {
      yield* errx(prog, dupName ? `duplicate ${dupName}` : `duplicate --${key === "nnp" ? "no-new-privs" : key} option`);
      return 1;
    }
    for (const k of key === "reuid" ? ["ruid", "euid"] : key === "regid" ? ["rgid", "egid"] : [key]) {
      seen.add(k);
      o[k] = value ?? "";
    }
  }
  if (dump > 0) {
    if (seen.size > 0 || parsed.operands.length > 0) {
      yield* errx(prog, "--dump is incompatible with all other options");
      return 1;
    }
    return yield* dumpState(dump);
  }
  if (seen.has("list-caps")) {
    if (seen.size !== 1 || parsed.operands.length > 0) return yield* usage(prog, "--list-caps must be specified alone");
    yield* writeAll(1, [...Array(CAP_BITS).keys()].map((n) => `${ngName(n)}\n`).join(""));
    return 0;
  }
  if (parsed.operands.length === 0) {
    yield* errx(prog, "No program specified");
    return 1;
  }
  const ids: Record<string, number> = {};
  for (const k of ["ruid", "euid", "rgid", "egid"]) {
    if (o[k] === undefined) continue;
    const v = o[k]!;
    const id = k.endsWith("uid") ? (userByName(accounts, v)?.uid ?? parseUnsigned(v)) : (accounts.groups.find((g) => g.name === v)?.gid ?? parseUnsigned(v));
    if (id === undefined) {
      yield* errx(prog, `failed to parse ${seen.has("reuid") && k.endsWith("uid") ? "reuid" : seen.has("regid") && k.endsWith("gid") ? "regid" : k}: '${v}'`);
      return 1;
    }
    ids[k] = id;
  }
  if ((ids.rgid !== undefined || ids.egid !== undefined) && !groupOpt) {
    yield* errx(prog, "--[re]gid requires --keep-groups, --clear-groups, --init-groups, or --groups");
    return 1;
  }
  const pw = ids.ruid === undefined ? undefined : userById(accounts, ids.ruid);
  if (groupOpt === "init-groups" && ids.ruid === undefined) {
    yield* errx(prog, "--init-groups requires --ruid or --reuid");
    return 1;
  }
  if (groupOpt === "init-groups" && !pw) {
    yield* errx(prog, `uid ${ids.ruid} not found, --init-groups requires an user that can be found on the system`);
    return 1;
  }
  let env = [...args.env];
  if (seen.has("reset-env")) {
    const [uid] = yield* getRes("getresuid");
    const who = pw ?? userById(accounts, uid);
    const term = getenv(env, "TERM");
    env = [...(term !== undefined ? [`TERM=${term}`] : []), `SHELL=${who?.shell || "/bin/sh"}`, `HOME=${who?.home ?? ""}`, `USER=${who?.name ?? ""}`,
      `LOGNAME=${who?.name ?? ""}`, `PATH=${who?.uid ? "/usr/local/bin:/bin:/usr/bin" : "/usr/local/sbin:/usr/local/bin:/sbin:/bin:/usr/sbin:/usr/bin"}`];
  }
  const die = function* (message: string, e: Errno, code = PRIVERR): Sys<number> {
    yield* errno(prog, message, e);
    return code;
  };
  if (seen.has("nnp")) {
    const r = yield* sys<0>({ name: "prctl", option: "PR_SET_NO_NEW_PRIVS" });
    if (!r.ok) return yield* die("disallow granting new privileges failed", r.error, 1);
  }
  if (seen.has("selinux-label") || seen.has("apparmor-profile") || seen.has("pdeathsig")) {
    yield* errx(prog, "--selinux-label, --apparmor-profile and --pdeathsig are not simulated");
    return 1;
  }
  const keep = yield* sys<0>({ name: "prctl", option: "PR_SET_KEEPCAPS", value: true });
  if (!keep.ok) return yield* die("keep process capabilities failed", keep.error, 1);
  const cur = yield* capget();
  if (!cur) return yield* die("activate capabilities", "EPERM");
  // bump_cap(): CAP_SETPCAP, CAP_SETUID and CAP_SETGID effective, where permitted.
  let state: CapSets = { ...cur, effective: setOf([...Array(CAP_BITS).keys()].filter((n) => has(cur.effective, n) || ([6, 7, 8].includes(n) && has(cur.permitted, n)))) };
  const apply = function* (what: string): Sys<number | undefined> {
    const r = yield* capset(state);
    return r.ok ? undefined : yield* die(what, r.error);
  };
  let failed = yield* apply("activate capabilities");
  if (failed !== undefined) return failed;
  if (ids.ruid !== undefined || ids.euid !== undefined) {
    const [r, e] = yield* getRes("getresuid");
    const euid = ids.euid ?? e;
    const set = yield* sys<0>({ name: "setresuid", ids: [ids.ruid ?? r, euid, euid] });
    if (!set.ok) return yield* die("setresuid failed", set.error);
    failed = yield* apply("reactivate capabilities");
    if (failed !== undefined) return failed;
  }
  if (ids.rgid !== undefined || ids.egid !== undefined) {
    const [r, e] = yield* getRes("getresgid");
    const egid = ids.egid ?? e;
    const set = yield* sys<0>({ name: "setresgid", ids: [ids.rgid ?? r, egid, egid] });
    if (!set.ok) return yield* die("setresgid failed", set.error);
  }
  if (groupOpt === "groups" || groupOpt === "init-groups" || groupOpt === "clear-groups") {
    let list: number[] = [];
    if (groupOpt === "groups") {
      for (const g of o.groups!.split(",")) {
        const id = accounts.groups.find((x) => x.name === g)?.gid ?? parseUnsigned(g);
        if (id === undefined) {
          yield* errx(prog, `Invalid supplementary group id: '${g}'`);
          return 1;
        }
        list.push(id);
      }
    } else if (groupOpt === "init-groups") list = groupList(accounts, pw!.name, pw!.gid);
    const set = yield* sys<0>({ name: "setgroups", groups: list });
    if (!set.ok) return yield* die(groupOpt === "init-groups" ? "initgroups failed" : "setgroups failed", set.error);
  }
  if (o.securebits !== undefined) {
    let bits = 0;
    for (const w of o.securebits.split(",")) {
      const [sign, name] = [w[0], w.slice(1)];
      if (sign !== "+" && sign !== "-") return yield* usage(prog, "bad securebits string");
      if (name === "all") {
        if (sign === "+") return yield* usage(prog, "+all securebits is not allowed");
        bits = 0;
      } else if (name === "keep_caps") return yield* usage(prog, "adjusting keep_caps does not make sense");
      else if (SECBITS[name] === undefined) return yield* usage(prog, "unrecognized securebit");
      else bits = sign === "+" ? bits | SECBITS[name]! : bits & ~SECBITS[name]!;
    }
    const r = yield* sys<0>({ name: "prctl", option: "PR_SET_SECUREBITS", value: bits | SECBIT_KEEP_CAPS });
    if (!r.ok) return yield* die("set process securebits failed", r.error);
  }
  for (const kind of ["bounding-set", "inh-caps", "ambient-caps"] as const) {
    if (o[kind] === undefined) continue;
    const start = kind === "bounding-set" ? state.bounding : kind === "inh-caps" ? state.inheritable : state.ambient;
    const members = new Set([...Array(CAP_BITS).keys()].filter((n) => has(start, n)));
    for (const w of o[kind]!.split(",")) {
      const [sign, name] = [w[0], w.slice(1)];
      if (sign !== "+" && sign !== "-") return yield* usage(prog, "bad capability string");
      const targets = name === "all" ? [...Array(CAP_BITS).keys()] : [ngFromName(name)];
      if (targets[0] === undefined) return yield* usage(prog, `unknown capability "${name}"`);
      for (const n of targets as number[]) {
        if (kind === "ambient-caps") yield* sys<0>({ name: "prctl", option: sign === "+" ? "PR_CAP_AMBIENT_RAISE" : "PR_CAP_AMBIENT_LOWER", cap: capAt(n) });
        else if (sign === "+") members.add(n);
        else members.delete(n);
      }
    }
    if (kind === "bounding-set") {
      for (const n of [...Array(CAP_BITS).keys()].filter((x) => has(state.bounding, x) && !members.has(x))) {
        const r = yield* sys<0>({ name: "prctl", option: "PR_CAPBSET_DROP", cap: capAt(n) });
        if (!r.ok) return yield* die("apply bounding set", "EPERM");
      }
    } else if (kind === "inh-caps") {
      state = { ...state, inheritable: setOf(members) };
      failed = yield* apply("apply capabilities");
      if (failed !== undefined) return failed;
    }
  }
  return yield* execOrDie(prog, parsed.operands, env);
}

function* usage(prog: string, message: string): Sys<number> {
  yield* errx(prog, message);
  return 1;
}
