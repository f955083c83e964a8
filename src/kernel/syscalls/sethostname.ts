/**
 * sethostname(2) and setdomainname(2) (`kernel/sys.c`): set the nodename or the NIS domain
 * name of the caller's UTS namespace. Checks in kernel order:
 *
 * 1. "the caller must have the CAP_SYS_ADMIN capability in the user namespace associated with
 *    its UTS namespace" — sethostname(2); so root of a container's own user namespace may
 *    rename its UTS namespace, and nobody but the host's root may rename the host.
 * 2. "EINVAL: len is negative or … larger than the maximum allowed size" (__NEW_UTS_LEN, 64).
 *
 * The name is taken as `len` bytes; an embedded NUL ends it when read back.
 */
import { capableCheck } from "../cred/capable";
import { utf8Length } from "../procfs/write-common";
import type { KernelState } from "../state";
import { getNs, putNs } from "../state";
import type { Task } from "../task/task";
import { deny, pass } from "../trace";
import type { SyscallOutcome } from "./outcome";
import { denied, succeed } from "./outcome";

/** __NEW_UTS_LEN: the longest host or domain name, in bytes. */
export const NEW_UTS_LEN = 64;

export interface SethostnameCall {
  readonly name: "sethostname";
  readonly hostname: string;
}

export interface SetdomainnameCall {
  readonly name: "setdomainname";
  readonly domainname: string;
}

function setUtsField(state: KernelState, caller: Task, field: "hostname" | "domainname", value: string): SyscallOutcome<0> {
  const ns = getNs(state, caller.ns.uts, "uts");
  const syscall = field === "hostname" ? "sethostname" : "setdomainname";
  const cap = capableCheck(state, caller.cred, ns.owner!, "CAP_SYS_ADMIN", `${syscall}() on UTS namespace ${ns.id}`);
  if (cap.verdict === "deny") return denied(state, [cap]);
  const len = utf8Length(value);
  if (len > NEW_UTS_LEN) {
    return denied(state, [cap, deny("kernel", `${syscall}: len > __NEW_UTS_LEN`, `the name is ${len} bytes; at most ${NEW_UTS_LEN} are allowed`, "EINVAL")]);
  }
  const stored = value.split("\0")[0] ?? "";
  const next = putNs(state, { ...ns, [field]: stored });
  return succeed(next, [cap, pass("namespace", syscall, `${field} of UTS namespace ${ns.id} is now "${stored}"`)], 0);
}

export const sysSethostname = (state: KernelState, caller: Task, call: SethostnameCall): SyscallOutcome<0> =>
  setUtsField(state, caller, "hostname", call.hostname);

export const sysSetdomainname = (state: KernelState, caller: Task, call: SetdomainnameCall): SyscallOutcome<0> =>
  setUtsField(state, caller, "domainname", call.domainname);
