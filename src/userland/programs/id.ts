/**
 * id, whoami and groups (coreutils 9.4): the caller's ids from getresuid(2), getresgid(2) and
 * getgroups(2), named through /etc/passwd and /etc/group; a user operand is looked up there.
 */
import type { Sys } from "../process/sys";
import { sys, writeAll } from "../process/sys";
import type { ProgramArgs, ProgramRun } from "../process/program";
import type { Accounts } from "./accounts";
import { groupById, groupList, loadAccounts, userById, userByName } from "./accounts";
import { STANDARD_LONG, Stdout, complain, getopt, helpText, quote, tryHelp, versionText } from "./common";

interface Ids {
  readonly ruid: number;
  readonly euid: number;
  readonly rgid: number;
  readonly egid: number;
  /** The group list, as mgetgroups() or getgrouplist() builds it. */
  readonly groups: readonly number[];
}

/** The calling process's ids; its group list is mgetgroups(NULL, egid): egid first, pairwise duplicates dropped. */
function* processIds(): Sys<Ids> {
  const u = yield* sys<readonly [number, number, number]>({ name: "getresuid" });
  const g = yield* sys<readonly [number, number, number]>({ name: "getresgid" });
  const list = yield* sys<readonly number[]>({ name: "getgroups" });
  const [ruid, euid] = u.ok ? u.value : [0, 0];
  const [rgid, egid] = g.ok ? g.value : [0, 0];
  const all = [egid, ...(list.ok ? list.value : [])];
  const groups = [all[0]!];
  for (const id of all.slice(1)) if (id !== all[0] && id !== groups[groups.length - 1]) groups.push(id);
  return { ruid, euid, rgid, egid, groups };
}

/** A named user's ids: the passwd entry's, with getgrouplist(3)'s groups. */
function userIds(a: Accounts, name: string): Ids | undefined {
  const pw = userByName(a, name) ?? (/^\d+$/.test(name) ? userById(a, Number(name)) : undefined);
  if (!pw) return undefined;
  return { ruid: pw.uid, euid: pw.uid, rgid: pw.gid, egid: pw.gid, groups: groupList(a, pw.name, pw.gid) };
}

const userName = (a: Accounts, uid: number) => userById(a, uid)?.name;
const groupName = (a: Accounts, gid: number) => groupById(a, gid)?.name;

/** print_group_list(): rgid, egid if different, then the other groups; names or numbers. */
function groupListText(a: Accounts, prog: string, ids: Ids, names: boolean, delim: string, errors: string[]): string {
  const show = (gid: number) => {
    const name = names ? groupName(a, gid) : undefined;
    if (names && name === undefined) errors.push(`${prog}: cannot find name for group ID ${gid}\n`);
    return name ?? String(gid);
  };
  const out = [show(ids.rgid)];
  if (ids.egid !== ids.rgid) out.push(show(ids.egid));
  for (const gid of ids.groups) if (gid !== ids.rgid && gid !== ids.egid) out.push(show(gid));
  return out.join(delim);
}

/** print_full_info(): `uid=0(root) gid=0(root) groups=0(root)`. */
function fullInfo(a: Accounts, ids: Ids): string {
  const named = (id: number, name: string | undefined) => (name === undefined ? `${id}` : `${id}(${name})`);
  let s = `uid=${named(ids.ruid, userName(a, ids.ruid))}`;
  if (ids.euid !== ids.ruid) s += ` euid=${named(ids.euid, userName(a, ids.euid))}`;
  s += ` gid=${named(ids.rgid, groupName(a, ids.rgid))}`;
  if (ids.egid !== ids.rgid) s += ` egid=${named(ids.egid, groupName(a, ids.egid))}`;
  if (ids.groups.length > 0) s += ` groups=${ids.groups.map((g) => named(g, groupName(a, g))).join(",")}`;
  return s;
}

const ID_LONG = {
  ...STANDARD_LONG,
  context: { key: "Z", arg: "none" }, group: { key: "g", arg: "none" }, groups: { key: "G", arg: "none" },
  name: { key: "n", arg: "none" }, real: { key: "r", arg: "none" }, user: { key: "u", arg: "none" }, zero: { key: "z", arg: "none" },
} as const;

/** id [OPTION]… [USER]… */
export function* id(args: ProgramArgs): ProgramRun {
  const prog = args.argv[0] ?? "id";
  const parsed = getopt(args.argv, { short: "agnruzGZ", long: ID_LONG });
  if (!parsed.ok) {
    yield* writeAll(2, parsed.message + tryHelp(prog));
    return 1;
  }
  const has = (k: string) => parsed.options.some((o) => o.key === k);
  if (has("help")) return (yield* writeAll(1, helpText(prog, "[OPTION]... [USER]...", "Print user and group information for each specified USER,\nor (when USER omitted) for the current process."))) ? 1 : 0;
  if (has("version")) return (yield* writeAll(1, versionText("id", "Arnold Robbins and David MacKenzie"))) ? 1 : 0;
  if (has("Z")) {
    yield* complain(prog, "--context (-Z) works only on an SELinux-enabled kernel");
    return 1;
  }
  const only = ["u", "g", "G"].filter(has);
  const names = has("n");
  const zero = has("z");
  if (only.length > 1) {
    yield* complain(prog, 'cannot print "only" of more than one choice');
    return 1;
  }
  if (only.length === 0 && (has("r") || names)) {
    yield* complain(prog, "cannot print only names or real IDs in default format");
    return 1;
  }
  if (only.length === 0 && zero) {
    yield* complain(prog, "option --zero not permitted in default format");
    return 1;
  }
  const a = yield* loadAccounts();
  const out = new Stdout();
  let ok = true;
  const targets: (Ids | string)[] = parsed.operands.length === 0 ? [yield* processIds()] : [...parsed.operands];
  for (const target of targets) {
    const ids = typeof target === "string" ? userIds(a, target) : target;
    if (!ids) {
      yield* out.flush();
      yield* complain(prog, `${quote(target as string)}: no such user`);
      ok = false;
      continue;
    }
    const errors: string[] = [];
    const end = zero ? "\0" : "\n";
    if (only[0] === "u") {
      const uid = has("r") ? ids.ruid : ids.euid;
      const name = names ? userName(a, uid) : undefined;
      if (names && name === undefined) errors.push(`${prog}: cannot find name for user ID ${uid}\n`);
      out.put((name ?? String(uid)) + end);
    } else if (only[0] === "g") {
      const gid = has("r") ? ids.rgid : ids.egid;
      const name = names ? groupName(a, gid) : undefined;
      if (names && name === undefined) errors.push(`${prog}: cannot find name for group ID ${gid}\n`);
      out.put((name ?? String(gid)) + end);
    } else if (only[0] === "G") {
      out.put(groupListText(a, prog, ids, names, zero ? "\0" : " ", errors) + end);
    } else out.put(fullInfo(a, ids) + "\n");
    if (errors.length > 0) {
      yield* out.flush();
      yield* writeAll(2, errors.join(""));
      ok = false;
    }
  }
  if (!(yield* out.close(prog))) return 1;
  return ok ? 0 : 1;
}

/** whoami: the name of the effective user. */
export function* whoami(args: ProgramArgs): ProgramRun {
  const prog = args.argv[0] ?? "whoami";
  const parsed = getopt(args.argv, { short: "", long: STANDARD_LONG });
  if (!parsed.ok) {
    yield* writeAll(2, parsed.message + tryHelp(prog));
    return 1;
  }
  if (parsed.options.some((o) => o.key === "help")) return (yield* writeAll(1, helpText(prog, "[OPTION]...", "Print the user name associated with the current effective user ID.\nSame as id -un."))) ? 1 : 0;
  if (parsed.options.some((o) => o.key === "version")) return (yield* writeAll(1, versionText("whoami", "Richard Mlynarik"))) ? 1 : 0;
  if (parsed.operands.length > 0) {
    yield* writeAll(2, `${prog}: extra operand ${quote(parsed.operands[0]!)}\n${tryHelp(prog)}`);
    return 1;
  }
  const ids = yield* processIds();
  const a = yield* loadAccounts();
  const name = userName(a, ids.euid);
  if (name === undefined) {
    yield* complain(prog, `cannot find name for user ID ${ids.euid}`);
    return 1;
  }
  return (yield* writeAll(1, `${name}\n`)) ? 1 : 0;
}

/** groups [USER]…: group names of the process, or `user : groups` for each user named. */
export function* groups(args: ProgramArgs): ProgramRun {
  const prog = args.argv[0] ?? "groups";
  const parsed = getopt(args.argv, { short: "", long: STANDARD_LONG });
  if (!parsed.ok) {
    yield* writeAll(2, parsed.message + tryHelp(prog));
    return 1;
  }
  if (parsed.options.some((o) => o.key === "help")) return (yield* writeAll(1, helpText(prog, "[OPTION]... [USERNAME]...", "Print group memberships for each USERNAME or, if no USERNAME is specified, for\nthe current process (which may differ if the groups database has changed)."))) ? 1 : 0;
  if (parsed.options.some((o) => o.key === "version")) return (yield* writeAll(1, versionText("groups", "David MacKenzie and James Youngman"))) ? 1 : 0;
  const a = yield* loadAccounts();
  const out = new Stdout();
  let ok = true;
  const targets: (Ids | string)[] = parsed.operands.length === 0 ? [yield* processIds()] : [...parsed.operands];
  for (const target of targets) {
    const ids = typeof target === "string" ? userIds(a, target) : target;
    if (!ids) {
      yield* out.flush();
      yield* complain(prog, `${quote(target as string)}: no such user`);
      ok = false;
      continue;
    }
    const errors: string[] = [];
    out.put(`${typeof target === "string" ? `${target} : ` : ""}${groupListText(a, prog, ids, true, " ", errors)}\n`);
    if (errors.length > 0) {
      yield* out.flush();
      yield* writeAll(2, errors.join(""));
      ok = false;
    }
  }
  if (!(yield* out.close(prog))) return 1;
  return ok ? 0 : 1;
}
