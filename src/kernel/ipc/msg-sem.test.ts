import { describe, expect, it } from "vitest";
import { userCred } from "../cred/cred";
import type { Pid } from "../ids";
import type { SyscallOutcome } from "../syscalls/outcome";
import { KernelHarness } from "../testing";
import { IPC_CREAT, IPC_NOWAIT } from "./ipcget";

function value<T>(out: SyscallOutcome): T {
  if (!out.result.ok) throw new Error(`syscall failed: ${out.result.error}`);
  return out.result.value as T;
}

function queue(k: KernelHarness, pid: Pid, mode = 0o600): number {
  return value<{ msqid: number }>(k.call(pid, { name: "msgget", key: 0, msgflg: IPC_CREAT | mode })).msqid;
}

describe("message queues", () => {
  it("pick messages by type as msgop(2) describes, and truncate only with MSG_NOERROR", () => {
    const k = new KernelHarness();
    const q = queue(k, k.shell);
    for (const [mtype, text] of [[3, "three"], [1, "one"], [2, "two"], [1, "uno"]] as const) {
      expect(k.call(k.shell, { name: "msgsnd", msqid: q, mtype, text, msgflg: 0 }).result).toEqual({ ok: true, value: { kind: "sent" } });
    }
    const rcv = (msgtyp: number, msgflg = 0, msgsz = 100) => k.call(k.shell, { name: "msgrcv", msqid: q, msgsz, msgtyp, msgflg }).result;
    expect(rcv(2)).toEqual({ ok: true, value: { kind: "received", mtype: 2, text: "two" } });
    expect(rcv(-3)).toEqual({ ok: true, value: { kind: "received", mtype: 1, text: "one" } });
    expect(rcv(1, 0o20000)).toEqual({ ok: true, value: { kind: "received", mtype: 3, text: "three" } });
    expect(rcv(0, 0, 2)).toEqual({ ok: false, error: "E2BIG" });
    expect(rcv(0, 0o10000, 2)).toEqual({ ok: true, value: { kind: "received", mtype: 1, text: "un" } });
    expect(rcv(0, IPC_NOWAIT)).toEqual({ ok: false, error: "ENOMSG" });
    expect(rcv(0)).toEqual({ ok: true, value: { kind: "blocked" } });
    expect(k.call(k.shell, { name: "msgsnd", msqid: q, mtype: 0, text: "x", msgflg: 0 }).result).toEqual({ ok: false, error: "EINVAL" });
  });

  it("fill up at msg_qbytes: EAGAIN with IPC_NOWAIT, sleep without", () => {
    const k = new KernelHarness();
    const q = queue(k, k.shell);
    const big = "x".repeat(8192);
    k.call(k.shell, { name: "msgsnd", msqid: q, mtype: 1, text: big, msgflg: 0 });
    k.call(k.shell, { name: "msgsnd", msqid: q, mtype: 1, text: big, msgflg: 0 });
    expect(k.call(k.shell, { name: "msgsnd", msqid: q, mtype: 1, text: "y", msgflg: IPC_NOWAIT }).result).toEqual({ ok: false, error: "EAGAIN" });
    expect(k.call(k.shell, { name: "msgsnd", msqid: q, mtype: 1, text: "y", msgflg: 0 }).result).toEqual({ ok: true, value: { kind: "blocked" } });
    expect(k.call(k.shell, { name: "msgsnd", msqid: q, mtype: 1, text: "z".repeat(8193), msgflg: 0 }).result).toEqual({ ok: false, error: "EINVAL" });
    const stat = value<{ qnum: number; cbytes: number; qbytes: number; lspid: number; perm: { uid: number; mode: number } }>(k.call(k.shell, { name: "msgctl", msqid: q, cmd: "IPC_STAT" }));
    expect(stat).toMatchObject({ qnum: 2, cbytes: 16384, qbytes: 16384, lspid: k.shell, perm: { uid: 0, mode: 0o600 } });
  });

  it("let the owner hand a queue over with IPC_SET, and refuse others", () => {
    const k = new KernelHarness();
    const q = queue(k, k.shell);
    const user = k.fork(k.shell);
    k.setCred(user, userCred(1000, 1000));
    expect(k.call(user, { name: "msgsnd", msqid: q, mtype: 1, text: "hi", msgflg: 0 }).result).toEqual({ ok: false, error: "EACCES" });
    expect(k.call(user, { name: "msgctl", msqid: q, cmd: "IPC_SET", set: { uid: 1000, gid: 1000, mode: 0o600 } }).result).toEqual({ ok: false, error: "EPERM" });
    expect(k.call(k.shell, { name: "msgctl", msqid: q, cmd: "IPC_SET", set: { uid: 1000, gid: 1000, mode: 0o600 } }).result).toEqual({ ok: true, value: 0 });
    expect(k.call(user, { name: "msgsnd", msqid: q, mtype: 1, text: "hi", msgflg: 0 }).result).toEqual({ ok: true, value: { kind: "sent" } });
    expect(k.call(user, { name: "msgctl", msqid: q, cmd: "IPC_SET", set: { uid: 1000, gid: 1000, mode: 0o600, qbytes: 99999 } }).result).toEqual({ ok: false, error: "EPERM" });
    expect(k.call(user, { name: "msgctl", msqid: q, cmd: "IPC_RMID" }).result).toEqual({ ok: true, value: 0 });
  });
});

describe("semaphores", () => {
  it("apply a semop all at once or not at all", () => {
    const k = new KernelHarness();
    const semid = value<{ semid: number }>(k.call(k.shell, { name: "semget", key: 0, nsems: 2, semflg: 0o600 })).semid;
    const op = (sops: { num: number; op: number; flg: number }[]) => k.call(k.shell, { name: "semop", semid, sops }).result;
    const all = () => value<number[]>(k.call(k.shell, { name: "semctl", semid, semnum: 0, cmd: "GETALL" }));
    expect(op([{ num: 0, op: 2, flg: 0 }])).toEqual({ ok: true, value: { kind: "done" } });
    expect(op([{ num: 0, op: -1, flg: 0 }, { num: 1, op: -1, flg: IPC_NOWAIT }])).toEqual({ ok: false, error: "EAGAIN" });
    expect(all()).toEqual([2, 0]);
    expect(op([{ num: 1, op: 0, flg: 0 }, { num: 0, op: -2, flg: 0 }])).toEqual({ ok: true, value: { kind: "done" } });
    expect(op([{ num: 0, op: -1, flg: 0 }])).toEqual({ ok: true, value: { kind: "blocked" } });
    expect(op([{ num: 2, op: 1, flg: 0 }])).toEqual({ ok: false, error: "EFBIG" });
    expect(op([{ num: 0, op: 40000, flg: 0 }])).toEqual({ ok: false, error: "ERANGE" });
    expect(k.call(k.shell, { name: "semctl", semid, semnum: 1, cmd: "SETVAL", values: [7] }).result).toEqual({ ok: true, value: 0 });
    expect(k.call(k.shell, { name: "semctl", semid, semnum: 1, cmd: "GETVAL" }).result).toEqual({ ok: true, value: 7 });
    expect(k.call(k.shell, { name: "semctl", semid, semnum: 1, cmd: "GETPID" }).result).toEqual({ ok: true, value: k.shell });
    expect(k.call(k.shell, { name: "semctl", semid, semnum: 0, cmd: "SETALL", values: [1] }).result).toEqual({ ok: false, error: "ERANGE" });
  });

  it("need at least one semaphore to create, and no more than the array has to open", () => {
    const k = new KernelHarness();
    expect(k.call(k.shell, { name: "semget", key: 0x42, nsems: 0, semflg: IPC_CREAT | 0o600 }).result).toEqual({ ok: false, error: "EINVAL" });
    k.call(k.shell, { name: "semget", key: 0x42, nsems: 2, semflg: IPC_CREAT | 0o600 });
    expect(k.call(k.shell, { name: "semget", key: 0x42, nsems: 3, semflg: 0 }).result).toEqual({ ok: false, error: "EINVAL" });
    expect(k.call(k.shell, { name: "semget", key: 0x42, nsems: 0, semflg: 0 }).result).toEqual({ ok: true, value: { semid: 0 } });
  });
});
