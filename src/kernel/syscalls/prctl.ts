/**
 * prctl(2) options that matter for isolation: no_new_privs, the bounding set, ambient
 * capabilities, keep-caps and securebits, and the task's name.
 */
import type { Capability } from "../caps/capabilities";
import { capIntersect, capSetOf, capUnion, capWithout, hasCap } from "../caps/capabilities";
import { capableCheck } from "../cred/capable";
import { SECBIT_KEEP_CAPS, SECBIT_NO_CAP_AMBIENT_RAISE } from "../cred/cred";
import type { KernelState } from "../state";
import { putTask } from "../state";
import type { Task } from "../task/task";
import { deny, pass } from "../trace";
import type { SyscallOutcome } from "./outcome";
import { denied, succeed } from "./outcome";

export type PrctlCall = { readonly name: "prctl" } & (
  | { readonly option: "PR_SET_NO_NEW_PRIVS" }
  | { readonly option: "PR_CAPBSET_DROP"; readonly cap: Capability }
  | { readonly option: "PR_CAP_AMBIENT_RAISE" | "PR_CAP_AMBIENT_LOWER"; readonly cap: Capability }
  | { readonly option: "PR_CAP_AMBIENT_CLEAR_ALL" }
  | { readonly option: "PR_SET_KEEPCAPS"; readonly value: boolean }
  | { readonly option: "PR_SET_SECUREBITS"; readonly value: number }
  | { readonly option: "PR_SET_NAME"; readonly comm: string }
);

/** Success with the changed task (a module-level function: see identity.ts on named closures). */
const done = (state: KernelState, call: PrctlCall, task: Task, reason: string): SyscallOutcome<0> =>
  succeed(putTask(state, task), [pass("kernel", call.option, reason)], 0);

export function sysPrctl(state: KernelState, caller: Task, call: PrctlCall): SyscallOutcome<0> {
  const cred = caller.cred;
  switch (call.option) {
    case "PR_SET_NO_NEW_PRIVS":
      return done(state, call, { ...caller, noNewPrivs: true }, "no_new_privs set: execve can no longer grant privileges");
    case "PR_SET_NAME":
      return done(state, call, { ...caller, comm: call.comm.slice(0, 15) }, `comm set to ${call.comm.slice(0, 15)}`);
    case "PR_CAPBSET_DROP":
    case "PR_SET_SECUREBITS": {
      const check = capableCheck(state, cred, cred.userNs, "CAP_SETPCAP", call.option === "PR_CAPBSET_DROP" ? "dropping from the bounding set" : "changing securebits");
      if (check.verdict === "deny") return denied(state, [check]);
      const caps = call.option === "PR_CAPBSET_DROP" ? { ...cred.caps, bounding: capWithout(cred.caps.bounding, capSetOf([call.cap])) } : cred.caps;
      const securebits = call.option === "PR_SET_SECUREBITS" ? call.value : cred.securebits;
      return succeed(putTask(state, { ...caller, cred: { ...cred, caps, securebits } }), [check, pass("kernel", call.option, "done")], 0);
    }
    case "PR_SET_KEEPCAPS": {
      const securebits = call.value ? cred.securebits | SECBIT_KEEP_CAPS : cred.securebits & ~SECBIT_KEEP_CAPS;
      return done(state, call, { ...caller, cred: { ...cred, securebits } }, `keep-caps ${call.value ? "on" : "off"}`);
    }
    case "PR_CAP_AMBIENT_RAISE": {
      // "The capability must already be present in both the permitted and inheritable sets."
      if (!hasCap(capIntersect(cred.caps.permitted, cred.caps.inheritable), call.cap) || cred.securebits & SECBIT_NO_CAP_AMBIENT_RAISE) {
        return denied(state, [deny("capability", "PR_CAP_AMBIENT_RAISE", `${call.cap} must be in both the permitted and inheritable sets`, "EPERM")]);
      }
      return done(state, call, { ...caller, cred: { ...cred, caps: { ...cred.caps, ambient: capUnion(cred.caps.ambient, capSetOf([call.cap])) } } }, `${call.cap} raised in the ambient set`);
    }
    case "PR_CAP_AMBIENT_LOWER":
      return done(state, call, { ...caller, cred: { ...cred, caps: { ...cred.caps, ambient: capWithout(cred.caps.ambient, capSetOf([call.cap])) } } }, `${call.cap} lowered`);
    case "PR_CAP_AMBIENT_CLEAR_ALL":
      return done(state, call, { ...caller, cred: { ...cred, caps: { ...cred.caps, ambient: capSetOf([]) } } }, "ambient set cleared");
  }
}
