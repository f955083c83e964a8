/**
 * getpwuid(3), getpwnam(3), getgrgid(3) and getgrouplist(3) as glibc's `files` NSS module
 * answers them: by reading /etc/passwd and /etc/group (read through the caller's root, so a
 * container sees its own image's files).
 */
import type { Sys } from "../process/sys";
import { readFile } from "../process/sys";

export interface PasswdEntry {
  readonly name: string;
  readonly uid: number;
  readonly gid: number;
  readonly home: string;
  readonly shell: string;
}

export interface GroupEntry {
  readonly name: string;
  readonly gid: number;
  readonly members: readonly string[];
}

export interface Accounts {
  readonly users: readonly PasswdEntry[];
  readonly groups: readonly GroupEntry[];
}

const fields = (text: string) => text.split("\n").filter((l) => l !== "" && !l.startsWith("#")).map((l) => l.split(":"));

/** Both databases; a file that cannot be read is an empty database, as NSS treats it. */
export function* loadAccounts(): Sys<Accounts> {
  const passwd = yield* readFile("/etc/passwd");
  const group = yield* readFile("/etc/group");
  const users = passwd.ok
    ? fields(passwd.value).filter((f) => f.length >= 7).map((f) => ({ name: f[0]!, uid: Number(f[2]), gid: Number(f[3]), home: f[5]!, shell: f[6]! }))
    : [];
  const groups = group.ok
    ? fields(group.value).filter((f) => f.length >= 4).map((f) => ({ name: f[0]!, gid: Number(f[2]), members: f[3] ? f[3].split(",") : [] }))
    : [];
  return { users, groups };
}

export const userById = (a: Accounts, uid: number) => a.users.find((u) => u.uid === uid);
export const userByName = (a: Accounts, name: string) => a.users.find((u) => u.name === name);
export const groupById = (a: Accounts, gid: number) => a.groups.find((g) => g.gid === gid);

/** getgrouplist(3): the primary group first, then every group listing the user, each once. */
export function groupList(a: Accounts, user: string, primary: number): number[] {
  const out = [primary];
  for (const g of a.groups) if (g.members.includes(user) && !out.includes(g.gid)) out.push(g.gid);
  return out;
}
