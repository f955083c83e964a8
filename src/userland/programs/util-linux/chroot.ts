/**
 * chroot(8) from coreutils 9.4: chroot(2) to NEWROOT (skipped when it is already the root
 * directory), chdir("/") unless --skip-chdir, optionally set the groups and ids of
 * --userspec/--groups (looked up inside the new root), and exec COMMAND with a PATH search —
 * or, with no command, `$SHELL -i` (`/bin/sh -i` without SHELL). Its own failures exit 125.
 */
import type { Errno, StatResult } from "../../../kernel/index.ts";
import { strerror } from "../../../kernel/index.ts";
import type { ProgramArgs, ProgramRun } from "../../process/program";
import type { Sys } from "../../process/sys";
import { stat, sys, writeAll } from "../../process/sys";
import { STANDARD_LONG, getenv, getopt, helpText, quote, quoteaf, tryHelp, versionText } from "../common";
import { execvp } from "../env";
import { groupList, loadAccounts, userById, userByName } from "../accounts";

const LONG = {
  ...STANDARD_LONG,
  userspec: { key: "userspec", arg: "required" }, groups: { key: "groups", arg: "required" },
  "skip-chdir": { key: "skip-chdir", arg: "none" },
} as const;

/** EXIT_CANCELED: chroot's own failure, as opposed to the command's. */
const CANCELED = 125;

export function* chroot(args: ProgramArgs): ProgramRun {
  const prog = "chroot";
  const fail = function* (message: string, e?: Errno) {
    yield* writeAll(2, `${prog}: ${message}${e ? `: ${strerror(e)}` : ""}\n`);
    return CANCELED;
  };
  const parsed = getopt(args.argv, { short: "+", long: LONG });
  if (!parsed.ok) {
    yield* writeAll(2, parsed.message + tryHelp(prog));
    return CANCELED;
  }
  let userspec: string | undefined;
  let groups: string | undefined;
  let skipChdir = false;
  for (const { key, value } of parsed.options) {
    if (key === "help") return (yield* writeAll(1, helpText(prog, "[OPTION]... NEWROOT [COMMAND [ARG]...]", "Run COMMAND with root directory set to NEWROOT."))) ? CANCELED : 0;
    if (key === "version") return (yield* writeAll(1, versionText(prog, "Roland McGrath"))) ? CANCELED : 0;
    if (key === "userspec") userspec = value;
    else if (key === "groups") groups = value;
    else skipChdir = true;
  }
  const [newroot, ...command] = parsed.operands;
  if (newroot === undefined) {
    yield* writeAll(2, `${prog}: missing operand\n${tryHelp(prog)}`);
    return CANCELED;
  }
  const isOldRoot = yield* sameInode(newroot, "/");
  if (!isOldRoot && skipChdir) {
    yield* writeAll(2, `${prog}: option --skip-chdir only permitted if NEWROOT is old '/'\n${tryHelp(prog)}`);
    return CANCELED;
  }
  if (!isOldRoot) {
    const r = yield* sys<0>({ name: "chroot", path: newroot });
    if (!r.ok) return yield* fail(`cannot change root directory to ${quoteaf(newroot)}`, r.error);
  }
  if (!skipChdir) {
    const c = yield* sys<0>({ name: "chdir", path: "/" });
    if (!c.ok) return yield* fail("cannot chdir to root directory", c.error);
  }
  const argv = command.length > 0 ? command : [getenv(args.env, "SHELL") ?? "/bin/sh", "-i"];
  if (userspec !== undefined || groups !== undefined) {
    const accounts = yield* loadAccounts();
    const [u, g] = (userspec ?? "").split(":");
    const user = u ? (userByName(accounts, u) ?? (/^\d+$/.test(u) ? userById(accounts, Number(u)) ?? { name: undefined, uid: Number(u), gid: undefined } : undefined)) : undefined;
    if (u && !user) return yield* fail(`invalid user ${quote(u)}`);
    let gid = g ? (accounts.groups.find((x) => x.name === g)?.gid ?? (/^\d+$/.test(g) ? Number(g) : undefined)) : undefined;
    if (g && gid === undefined) return yield* fail(`invalid group ${quote(g)}`);
    gid ??= user?.gid;
    let list: number[] | undefined;
    if (groups) {
      list = [];
      for (const name of groups.split(",")) {
        const id = accounts.groups.find((x) => x.name === name)?.gid ?? (/^\d+$/.test(name) ? Number(name) : undefined);
        if (id === undefined) return yield* fail(`invalid group ${quote(name)}`);
        list.push(id);
      }
    } else if (user?.name && gid !== undefined) list = groupList(accounts, user.name, gid);
    if (user || groups) {
      const s = yield* sys<0>({ name: "setgroups", groups: list ?? [] });
      if (!s.ok) return yield* fail("failed to set supplemental groups", s.error);
    }
    if (gid !== undefined) {
      const s = yield* sys<0>({ name: "setresgid", ids: [gid, gid, gid] });
      if (!s.ok) return yield* fail("failed to set group-ID", s.error);
    }
    if (user) {
      const s = yield* sys<0>({ name: "setresuid", ids: [user.uid, user.uid, user.uid] });
      if (!s.ok) return yield* fail("failed to set user-ID", s.error);
    }
  }
  const e = yield* execvp(argv[0]!, argv, args.env);
  yield* writeAll(2, `${prog}: failed to run command ${quote(argv[0]!)}: ${strerror(e)}\n`);
  return e === "ENOENT" ? 127 : 126;
}

/** SAME_INODE of two paths, as is_root() compares NEWROOT with "/". */
function* sameInode(a: string, b: string): Sys<boolean> {
  const x = yield* stat(a);
  const y = yield* stat(b);
  if (!x.ok || !y.ok) return false;
  const same = (p: StatResult, q: StatResult) => p.ino === q.ino && JSON.stringify(p.dev) === JSON.stringify(q.dev);
  return same(x.value, y.value);
}
