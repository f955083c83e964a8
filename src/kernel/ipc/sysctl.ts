/**
 * The IPC namespace's limits by their /proc/sys path, as text, for procfs. shmmax and shmall
 * default to ULONG_MAX - 2^24, which a double cannot hold exactly: it is printed as Linux does.
 */
import type { Result } from "../../lib";
import { err, ok } from "../../lib";
import type { Errno } from "../errno";
import type { NsId } from "../ids";
import type { KernelState } from "../state";
import { SHM_UNLIMITED, getIpcNs, putIpcNs } from "./ipc-ns";
import type { IpcLimits } from "./types";

const SINGLE = {
  "kernel/shmmax": "shmmax", "kernel/shmall": "shmall", "kernel/shmmni": "shmmni",
  "kernel/msgmax": "msgmax", "kernel/msgmnb": "msgmnb", "kernel/msgmni": "msgmni",
  "fs/mqueue/queues_max": "mqQueuesMax", "fs/mqueue/msg_max": "mqMsgMax", "fs/mqueue/msgsize_max": "mqMsgsizeMax",
  "fs/mqueue/msg_default": "mqMsgDefault", "fs/mqueue/msgsize_default": "mqMsgsizeDefault",
} as const satisfies Record<string, keyof IpcLimits>;

export type IpcSysctlName = keyof typeof SINGLE | "kernel/sem";
export const IPC_SYSCTLS: readonly IpcSysctlName[] = [...(Object.keys(SINGLE) as (keyof typeof SINGLE)[]), "kernel/sem"];

const show = (n: number): string => (n === SHM_UNLIMITED ? "18446744073692774399" : String(n));

export function readIpcSysctl(state: KernelState, ns: NsId, name: IpcSysctlName): string {
  const l = getIpcNs(state, ns).limits;
  if (name === "kernel/sem") return `${l.semmsl}\t${l.semmns}\t${l.semopm}\t${l.semmni}\n`;
  return `${show(l[SINGLE[name]])}\n`;
}

export function writeIpcSysctl(state: KernelState, ns: NsId, name: IpcSysctlName, text: string): Result<KernelState, Errno> {
  const ipc = getIpcNs(state, ns);
  const v = text.trim().split(/\s+/).map(Number);
  if (v.some((n) => !Number.isInteger(n) || n < 0)) return err("EINVAL");
  let limits: IpcLimits;
  if (name === "kernel/sem") {
    if (v.length !== 4) return err("EINVAL");
    const [semmsl, semmns, semopm, semmni] = v as [number, number, number, number];
    limits = { ...ipc.limits, semmsl, semmns, semopm, semmni };
  } else {
    limits = { ...ipc.limits, [SINGLE[name]]: v[0] as number };
  }
  return ok(putIpcNs(state, { ...ipc, limits }));
}
