/** setpriv -d (util-linux 2.39 sys-utils/setpriv.c dump()): ids, groups, no_new_privs, capability sets, LSM label. */
import type { CapSets } from "../../../kernel/index.ts";
import type { Sys } from "../../process/sys";
import { readFile, sys, writeAll } from "../../process/sys";
import { CAP_BITS, capAt, capget, has, noNewPrivs } from "./caps";
import { getRes } from "./ul";

/** capng_capability_to_name(): the name without `cap_`, lower case. */
export const ngName = (n: number) => capAt(n).slice(4).toLowerCase();

/** -d: the state, in setpriv's dump() order. */
export function* dumpState(level: number): Sys<number> {
  const [uid, euid, suid] = yield* getRes("getresuid");
  const [gid, egid, sgid] = yield* getRes("getresgid");
  const groups = yield* sys<readonly number[]>({ name: "getgroups" });
  const c = yield* capget();
  const list = (set: CapSets["effective"] | undefined) => {
    const names = [...Array(CAP_BITS).keys()].filter((n) => set !== undefined && has(set, n)).map(ngName);
    return names.length > 0 ? names.join(",") : "[none]";
  };
  const lines = [`uid: ${uid}`, `euid: ${euid}`, ...(level >= 3 ? [`suid: ${suid}`] : []), `gid: ${gid}`, `egid: ${egid}`,
    ...(level >= 3 ? [`sgid: ${sgid}`] : []),
    `Supplementary groups: ${groups.ok && groups.value.length > 0 ? groups.value.join(",") : "[none]"}`,
    `no_new_privs: ${yield* noNewPrivs()}`,
    ...(level >= 2 ? [`Effective capabilities: ${list(c?.effective)}`, `Permitted capabilities: ${list(c?.permitted)}`] : []),
    `Inheritable capabilities: ${list(c?.inheritable)}`, `Ambient capabilities: ${list(c?.ambient)}`,
    `Capability bounding set: ${list(c?.bounding)}`, "Securebits: [none]", "Parent death signal: [none]"];
  for (const [dir, name] of [["/sys/fs/selinux", "SELinux label"], ["/sys/kernel/security/apparmor", "AppArmor profile"]] as const) {
    if (!(yield* sys<unknown>({ name: "stat", path: dir })).ok) continue;
    const label = yield* readFile("/proc/self/attr/current");
    if (label.ok) lines.push(`${name}: ${label.value.replace(/\n$/, "").replace(/\0$/, "")}`);
  }
  yield* writeAll(1, `${lines.join("\n")}\n`);
  return 0;
}
