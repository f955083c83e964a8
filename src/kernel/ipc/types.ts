/**
 * System V IPC and POSIX message queues, per IPC namespace (`struct ipc_namespace`):
 * three id tables (shared memory, message queues, semaphore arrays), the mqueue filesystem's
 * queues, and the namespace's limits (/proc/sys/kernel/shm*, msg*, sem, fs/mqueue/*).
 */
import type { Map as IMap } from "immutable";
import type { Kgid, Kuid, NsId, Pid } from "../ids";

/** `struct kern_ipc_perm`. Ids are global; ipcs resolves them to names. */
export interface IpcPerm {
  readonly key: number;
  readonly id: number;
  readonly seq: number;
  readonly uid: Kuid;
  readonly gid: Kgid;
  readonly cuid: Kuid;
  readonly cgid: Kgid;
  /** The nine permission bits, plus SHM_DEST and SHM_LOCKED for shared memory. */
  readonly mode: number;
}

export interface ShmSeg {
  readonly perm: IpcPerm;
  readonly size: number;
  readonly nattch: number;
  readonly cpid: Pid;
  readonly lpid: Pid;
  /** SIMPLIFICATION: times are ns of simulated time since boot (not epoch seconds); 0 = never. */
  readonly atimeNs: number;
  readonly dtimeNs: number;
  readonly ctimeNs: number;
}

export interface Msg {
  readonly type: number;
  readonly text: string;
  /** SIMPLIFICATION: a message's size is its text's length. */
  readonly size: number;
}

export interface MsgQueue {
  readonly perm: IpcPerm;
  readonly messages: readonly Msg[];
  /** msg_qbytes: the most bytes the queue holds (MSGMNB by default). */
  readonly qbytes: number;
  readonly lspid: Pid;
  readonly lrpid: Pid;
  readonly stimeNs: number;
  readonly rtimeNs: number;
  readonly ctimeNs: number;
}

export interface SemArray {
  readonly perm: IpcPerm;
  readonly values: readonly number[];
  /** sempid of each semaphore: the last process to change it. */
  readonly pids: readonly Pid[];
  readonly otimeNs: number;
  readonly ctimeNs: number;
}

/** An id table (`struct ipc_ids`): objects by index, and the allocator's cursor and sequence. */
export interface IdTable<T> {
  readonly byIdx: IMap<number, T>;
  /** idr_next: where idr_alloc_cyclic() starts looking. */
  readonly next: number;
  readonly lastIdx: number;
  readonly seq: number;
}

export interface PosixMq {
  /** The name without its leading slash, as /dev/mqueue lists it. */
  readonly name: string;
  readonly uid: Kuid;
  readonly gid: Kgid;
  readonly mode: number;
  readonly maxmsg: number;
  readonly msgsize: number;
  readonly messages: readonly { readonly prio: number; readonly size: number }[];
  readonly ctimeNs: number;
}

/** The namespace's tunables, with Linux's defaults (`ipc/shm.c`, `ipc/msg.c`, `ipc/sem.c`, `ipc/mqueue.c`). */
export interface IpcLimits {
  readonly shmmax: number;
  readonly shmall: number;
  readonly shmmni: number;
  readonly msgmax: number;
  readonly msgmnb: number;
  readonly msgmni: number;
  readonly semmsl: number;
  readonly semmns: number;
  readonly semopm: number;
  readonly semmni: number;
  readonly mqQueuesMax: number;
  readonly mqMsgMax: number;
  readonly mqMsgsizeMax: number;
  readonly mqMsgDefault: number;
  readonly mqMsgsizeDefault: number;
}

export interface IpcNs {
  readonly id: NsId;
  readonly shm: IdTable<ShmSeg>;
  readonly msg: IdTable<MsgQueue>;
  readonly sem: IdTable<SemArray>;
  readonly mqueues: IMap<string, PosixMq>;
  readonly limits: IpcLimits;
}

/** A task's attachment of a shared memory segment (a VMA in its address space). */
export interface ShmAttach {
  readonly ns: NsId;
  readonly shmid: number;
  readonly addr: number;
  readonly readonly: boolean;
}

export interface IpcState {
  readonly namespaces: IMap<NsId, IpcNs>;
  readonly attaches: IMap<Pid, readonly ShmAttach[]>;
}
