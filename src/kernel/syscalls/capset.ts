/**
 * capset(2) on the caller (`kernel/capability.c`, `security/commoncap.c: cap_capset()`):
 * permitted may only shrink, effective must stay within permitted, and inheritable may only
 * gain what is in permitted — or, with CAP_SETPCAP, in the bounding set.
 */
import type { CapSet } from "../caps/capabilities";
import { capIntersect, capIsSubset, capUnion, capsIn } from "../caps/capabilities";
import { nsCapable } from "../cred/capable";
import type { KernelState } from "../state";
import { putTask } from "../state";
import type { Task } from "../task/task";
import { deny, pass } from "../trace";
import type { SyscallOutcome } from "./outcome";
import { denied, succeed } from "./outcome";

export interface CapsetCall {
  readonly name: "capset";
  readonly effective: CapSet;
  readonly permitted: CapSet;
  readonly inheritable: CapSet;
}

export function sysCapset(state: KernelState, caller: Task, call: CapsetCall): SyscallOutcome<0> {
  const old = caller.cred.caps;
  const setpcap = nsCapable(state, caller.cred, caller.cred.userNs, "CAP_SETPCAP");
  const inhLimit = capUnion(old.inheritable, setpcap ? old.bounding : old.permitted);
  const problem = !capIsSubset(call.permitted, old.permitted)
    ? `permitted may only shrink (would add ${capsIn(call.permitted).filter((c) => !capsIn(old.permitted).includes(c)).join(",")})`
    : !capIsSubset(call.effective, call.permitted)
      ? "effective must be a subset of permitted"
      : !capIsSubset(call.inheritable, inhLimit)
        ? `inheritable may only gain capabilities in the ${setpcap ? "bounding" : "permitted"} set`
        : undefined;
  if (problem) return denied(state, [deny("capability", "cap_capset", problem, "EPERM")]);
  // Ambient capabilities must stay in both permitted and inheritable.
  const ambient = capIntersect(old.ambient, capIntersect(call.permitted, call.inheritable));
  const caps = { ...old, effective: call.effective, permitted: call.permitted, inheritable: call.inheritable, ambient };
  return succeed(putTask(state, { ...caller, cred: { ...caller.cred, caps } }), [pass("capability", "cap_capset", "capability sets updated")], 0);
}
