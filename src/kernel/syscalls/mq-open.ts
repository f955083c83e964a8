/**
 * mq_open(3) → mq_open(2) (`ipc/mqueue.c: do_mq_open()`, `prepare_open()`). The name is
 * `/somename` (glibc strips the slash and rejects names without one: EINVAL). A missing queue
 * needs O_CREAT (ENOENT); an existing one is EEXIST under O_CREAT|O_EXCL and otherwise needs
 * the access mode's permission bits (EACCES). Creating checks the attributes against
 * msg_max/msgsize_max (EINVAL) and the namespace's queues_max (ENOSPC); CAP_SYS_RESOURCE lifts
 * both. SIMPLIFICATION: no descriptor is returned, the caller's umask is not applied (pass the
 * final mode), CAP_DAC_OVERRIDE is asked in the IPC namespace's owner, there is no
 * mq_send/mq_receive yet and RLIMIT_MSGQUEUE is not enforced.
 */
import { capableCheck } from "../cred/capable";
import { nsId } from "../ids";
import { getIpcNs, putIpcNs } from "../ipc/ipc-ns";
import { HARD_MSGMAX, HARD_MSGSIZEMAX, MQ_NAME_MAX, O_ACCMODE, O_CREAT, O_EXCL, O_RDWR, O_WRONLY } from "../ipc/mqueue";
import { ipcOwner } from "../ipc/perms";
import type { PosixMq } from "../ipc/types";
import { INIT_NS_INODE } from "../ns/namespace";
import type { KernelState } from "../state";
import type { Task } from "../task/task";
import type { Check } from "../trace";
import { deny, pass } from "../trace";
import type { SyscallOutcome } from "./outcome";
import { denied, succeed } from "./outcome";

export interface MqOpenCall {
  readonly name: "mq_open";
  /** `/name`, as passed to mq_open(3). */
  readonly path: string;
  readonly oflag: number;
  readonly mode?: number;
  readonly attr?: { readonly maxmsg: number; readonly msgsize: number };
}

const INIT_USER = nsId(INIT_NS_INODE.user);

export function mqName(path: string): string | Check {
  if (!path.startsWith("/")) return deny("kernel", "mq_open (glibc)", "a queue name must start with /", "EINVAL");
  const name = path.slice(1);
  if (name.length > MQ_NAME_MAX) return deny("kernel", "getname", "the name is longer than NAME_MAX", "ENAMETOOLONG");
  if (name === "" || name.includes("/")) return deny("kernel", "lookup_one_len", `"${path}" is not a single name`, name === "" ? "ENOENT" : "EACCES");
  return name;
}

export function sysMqOpen(state: KernelState, caller: Task, call: MqOpenCall): SyscallOutcome<{ name: string }> {
  const name = mqName(call.path);
  if (typeof name !== "string") return denied(state, [name]);
  const ns = caller.ns.ipc;
  const existing = getIpcNs(state, ns).mqueues.get(name);
  if (!existing) return create(state, caller, name, call);
  if ((call.oflag & (O_CREAT | O_EXCL)) === (O_CREAT | O_EXCL)) return denied(state, [deny("kernel", "prepare_open", `queue ${call.path} exists and O_EXCL was given`, "EEXIST")]);
  const acc = call.oflag & O_ACCMODE;
  if (acc === (O_RDWR | O_WRONLY)) return denied(state, [deny("kernel", "prepare_open", "invalid access mode", "EINVAL")]);
  const check = modeCheck(state, caller, existing, acc);
  if (check.some((c) => c.verdict === "deny")) return denied(state, check);
  return succeed(state, [...check, pass("kernel", "do_mq_open", `opened ${call.path}`)], { name });
}

/** inode_permission() on the queue's inode: owner, group, other bits; CAP_DAC_OVERRIDE. */
function modeCheck(state: KernelState, caller: Task, q: PosixMq, acc: number): Check[] {
  const want = acc === O_RDWR ? 0o6 : acc === O_WRONLY ? 0o2 : 0o4;
  const { cred } = caller;
  const bits = cred.fsuid === q.uid ? q.mode >> 6 : cred.fsgid === q.gid || cred.groups.includes(q.gid) ? q.mode >> 3 : q.mode;
  if ((want & ~bits & 0o7) === 0) return [pass("dac", "inode_permission", `mode ${(q.mode & 0o777).toString(8)} allows it`)];
  const cap = capableCheck(state, cred, ipcOwner(state, caller.ns.ipc), "CAP_DAC_OVERRIDE", `opening /${q.name} despite its mode`, "EACCES");
  return cap.verdict === "pass" ? [cap] : [deny("dac", "inode_permission", `mode ${(q.mode & 0o777).toString(8)} of /${q.name} refuses the caller`, "EACCES"), cap];
}

function create(state: KernelState, caller: Task, name: string, call: MqOpenCall): SyscallOutcome<{ name: string }> {
  if (!(call.oflag & O_CREAT)) return denied(state, [deny("kernel", "prepare_open", `no queue /${name} in IPC namespace ${caller.ns.ipc}`, "ENOENT")]);
  const ipc = getIpcNs(state, caller.ns.ipc);
  const { limits } = ipc;
  const attr = call.attr ?? { maxmsg: limits.mqMsgDefault, msgsize: limits.mqMsgsizeDefault };
  const checks: Check[] = [];
  const resource = () => capableCheck(state, caller.cred, INIT_USER, "CAP_SYS_RESOURCE", "going past the mqueue limits");
  if (attr.maxmsg <= 0 || attr.msgsize <= 0 || attr.maxmsg > HARD_MSGMAX || attr.msgsize > HARD_MSGSIZEMAX) {
    return denied(state, [deny("kernel", "mqueue_attr_check", "mq_maxmsg and mq_msgsize must be positive and below the hard limits", "EINVAL")]);
  }
  if (attr.maxmsg > limits.mqMsgMax || attr.msgsize > limits.mqMsgsizeMax) {
    checks.push(resource());
    if (checks.at(-1)?.verdict === "deny") return denied(state, [...checks, deny("kernel", "mqueue_attr_check", `attributes above msg_max ${limits.mqMsgMax} / msgsize_max ${limits.mqMsgsizeMax}`, "EINVAL")]);
  }
  if (ipc.mqueues.size >= limits.mqQueuesMax) {
    checks.push(resource());
    if (checks.at(-1)?.verdict === "deny") return denied(state, [...checks, deny("kernel", "mqueue_create_attr", `queues_max (${limits.mqQueuesMax}) queues exist`, "ENOSPC")]);
  }
  const q: PosixMq = {
    name, uid: caller.cred.fsuid, gid: caller.cred.fsgid, mode: (call.mode ?? 0o600) & 0o777,
    maxmsg: attr.maxmsg, msgsize: attr.msgsize, messages: [], ctimeNs: state.nowNs,
  };
  const next = putIpcNs(state, { ...ipc, mqueues: ipc.mqueues.set(name, q) });
  return succeed(next, [...checks, pass("kernel", "mqueue_create_attr", `created /${name} in IPC namespace ${caller.ns.ipc}`)], { name });
}
