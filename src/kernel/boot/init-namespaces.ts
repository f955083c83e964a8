/** The initial namespaces every task starts in (`init_user_ns`, `init_pid_ns`, …). */
import type { NsId } from "../ids";
import { cgroupId, kgid, kuid, nsId } from "../ids";
import { INIT_ID_MAP } from "../ns/id-map";
import type { Namespace, NsType } from "../ns/namespace";
import { INIT_NS_INODE } from "../ns/namespace";
import type { NsProxy } from "../task/task";

export const initNsId = (type: NsType): NsId => nsId(INIT_NS_INODE[type]);

export const INIT_NSPROXY: NsProxy = {
  mnt: initNsId("mnt"), uts: initNsId("uts"), ipc: initNsId("ipc"), net: initNsId("net"),
  cgroup: initNsId("cgroup"), time: initNsId("time"), pidForChildren: initNsId("pid"),
  timeForChildren: initNsId("time"),
};

/** The initial namespaces with no holders yet; boot's tasks take their references. */
export function initialNamespaces(hostname: string, rootCgroup = cgroupId(1)): Namespace[] {
  const user = initNsId("user");
  const owned = { owner: user, refs: 0 } as const;
  return [
    { type: "user", id: user, owner: null, refs: 0, level: 0, ownerUid: kuid(0), ownerGid: kgid(0), uidMap: INIT_ID_MAP, gidMap: INIT_ID_MAP, setgroups: "allow" },
    { type: "pid", id: initNsId("pid"), ...owned, parent: null, level: 0, nextNr: 1, init: null, adding: true },
    { type: "uts", id: initNsId("uts"), ...owned, hostname, domainname: "(none)" },
    { type: "time", id: initNsId("time"), ...owned, monotonicOffsetNs: 0, boottimeOffsetNs: 0, frozen: true },
    { type: "cgroup", id: initNsId("cgroup"), ...owned, root: rootCgroup },
    { type: "mnt", id: initNsId("mnt"), ...owned },
    { type: "net", id: initNsId("net"), ...owned },
    { type: "ipc", id: initNsId("ipc"), ...owned },
  ];
}
