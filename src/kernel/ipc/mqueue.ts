/**
 * POSIX message queues live in the IPC namespace's mqueue filesystem ("each IPC namespace
 * has its own … POSIX message queue filesystem" — ipc_namespaces(7)), which is what a mount
 * of type mqueue (/dev/mqueue) shows. This is the read API for the VFS: the queues, as
 * directory entries, and each file's one-line content (`ipc/mqueue.c: mqueue_read_file()`).
 */
import type { NsId } from "../ids";
import type { KernelState } from "../state";
import { getIpcNs } from "./ipc-ns";
import type { PosixMq } from "./types";

/** The queues of an IPC namespace, by name (without the leading slash). */
export const listMqueues = (state: KernelState, ns: NsId): PosixMq[] =>
  [...getIpcNs(state, ns).mqueues.values()].sort((a, b) => a.name.localeCompare(b.name));

export const getMqueue = (state: KernelState, ns: NsId, name: string): PosixMq | undefined =>
  getIpcNs(state, ns).mqueues.get(name);

/** `QSIZE:%-10lu NOTIFY:%-5d SIGNO:%-5d NOTIFY_PID:%-6d` — bytes queued; no notification is ever registered here. */
export function mqueueFileText(q: PosixMq): string {
  const qsize = q.messages.reduce((n, m) => n + m.size, 0);
  return `QSIZE:${String(qsize).padEnd(10)} NOTIFY:${"0".padEnd(5)} SIGNO:${"0".padEnd(5)} NOTIFY_PID:${"0".padEnd(6)}\n`;
}

// mq_open(3) takes the open(2) flags.
export { O_ACCMODE, O_CREAT, O_EXCL, O_RDONLY, O_RDWR, O_WRONLY } from "../vfs/open-flags";
/** NAME_MAX */
export const MQ_NAME_MAX = 255;
/** HARD_MSGMAX and HARD_MSGSIZEMAX, the limits even CAP_SYS_RESOURCE cannot pass. */
export const HARD_MSGMAX = 65536;
export const HARD_MSGSIZEMAX = 16 * 1024 * 1024;
