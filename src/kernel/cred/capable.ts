/**
 * Capability checks relative to user namespaces (`security/commoncap.c: cap_capable()`):
 * "a process has a capability in a user namespace if it is a member of that namespace and has
 * the capability in its effective set, or if it is a member of an ancestor namespace and is
 * the owner of the namespace or of one between" — user_namespaces(7).
 */
import type { Capability } from "../caps/capabilities";
import { hasCap } from "../caps/capabilities";
import type { NsId } from "../ids";
import type { KernelState } from "../state";
import { getNs } from "../state";
import type { Check } from "../trace";
import { deny, pass } from "../trace";
import type { Cred } from "./cred";
import type { Errno } from "../errno";

export function nsCapable(state: KernelState, cred: Cred, target: NsId, cap: Capability): boolean {
  let ns = getNs(state, target, "user");
  const own = getNs(state, cred.userNs, "user");
  for (;;) {
    if (ns.id === cred.userNs) return hasCap(cred.caps.effective, cap);
    // A namespace at or above the caller's level that is not the caller's: never an ancestor.
    if (ns.level <= own.level || ns.owner === null) return false;
    // The owner of a namespace, seen from its parent, holds every capability in it.
    if (ns.owner === cred.userNs && ns.ownerUid === cred.euid) return true;
    ns = getNs(state, ns.owner, "user");
  }
}

/** How a learner reads a user namespace: the initial one or a numbered child. */
export function userNsName(state: KernelState, id: NsId): string {
  const ns = getNs(state, id, "user");
  return ns.level === 0 ? "the initial user namespace" : `user namespace ${id} (level ${ns.level})`;
}

/** ns_capable() as a trace record; `what` says what the capability was needed for. */
export function capableCheck(
  state: KernelState, cred: Cred, target: NsId, cap: Capability, what: string, errno: Errno = "EPERM",
): Check {
  const rule = `ns_capable(${cap})`;
  const where = userNsName(state, target);
  return nsCapable(state, cred, target, cap)
    ? pass("capability", rule, `${what}: the caller has ${cap} in ${where}`)
    : deny("capability", rule, `${what} needs ${cap} in ${where}, which the caller does not have`, errno);
}
