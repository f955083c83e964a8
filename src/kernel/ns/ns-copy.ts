/**
 * Copying namespace records. Performance: every fork, exit and reap changes about ten reference
 * counts, and a spread (`{ ...ns, refs }`) at such a spot meets every namespace shape, so V8
 * takes its generic copy, about twenty times slower than an object literal. These literals
 * keep each namespace's key order, which serializeKernel() prints: boot's namespaces and user
 * namespaces list `type` first, the ones createNs() makes list it after `refs`.
 */
import type { Namespace, PidNs } from "./namespace";

/** A record whose fields may be set: a fresh copy, changed before anyone else sees it. */
type Draft<T> = { -readonly [K in keyof T]: T[K] };

/** A shallow copy of a namespace, with its fields in the order they were created in. */
export function copyNs(ns: PidNs): Draft<PidNs>;
export function copyNs(ns: Namespace): Draft<Namespace>;
export function copyNs(ns: Namespace): Draft<Namespace> {
  const { id, owner, refs } = ns;
  const first = typeFirst(ns);
  switch (ns.type) {
    case "user": {
      const { type, level, ownerUid, ownerGid, uidMap, gidMap, setgroups } = ns;
      return first
        ? { type, id, owner, refs, level, ownerUid, ownerGid, uidMap, gidMap, setgroups }
        : { id, owner, refs, type, level, ownerUid, ownerGid, uidMap, gidMap, setgroups };
    }
    case "pid": {
      const { type, parent, level, nextNr, init, adding } = ns;
      return first ? { type, id, owner, refs, parent, level, nextNr, init, adding } : { id, owner, refs, type, parent, level, nextNr, init, adding };
    }
    case "uts": {
      const { type, hostname, domainname } = ns;
      return first ? { type, id, owner, refs, hostname, domainname } : { id, owner, refs, type, hostname, domainname };
    }
    case "time": {
      const { type, monotonicOffsetNs, boottimeOffsetNs, frozen } = ns;
      return first
        ? { type, id, owner, refs, monotonicOffsetNs, boottimeOffsetNs, frozen }
        : { id, owner, refs, type, monotonicOffsetNs, boottimeOffsetNs, frozen };
    }
    case "cgroup": {
      const { type, root } = ns;
      return first ? { type, id, owner, refs, root } : { id, owner, refs, type, root };
    }
    default: {
      const { type } = ns;
      return first ? { type, id, owner, refs } : { id, owner, refs, type };
    }
  }
}

/** Whether `type` is the record's first key (a for-in that stops at once is cheap). */
function typeFirst(ns: Namespace): boolean {
  for (const key in ns) return key === "type";
  return false;
}
