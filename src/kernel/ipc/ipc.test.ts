import { describe, expect, it } from "vitest";
import { userCred } from "../cred/cred";
import type { Pid } from "../ids";
import { CLONE_NEWIPC } from "../ns/namespace";
import { KernelHarness } from "../testing";
import type { IpcDump } from "./dump";
import { dumpIpc } from "./dump";
import { IPC_CREAT, IPC_EXCL } from "./ipcget";

/** util-linux ipcs's three tables, as in the recorded transcripts (owner names for uid 0 and 1000). */
function ipcs(d: IpcDump): string {
  const who = (uid: number) => (uid === 0 ? "root" : "user").padEnd(10);
  const head = (k: number, id: number, uid: number, perms: number) =>
    `0x${k.toString(16).padStart(8, "0")} ${String(id).padEnd(10)} ${who(uid)} ${perms.toString(8).padEnd(10)} `;
  return [
    "", "------ Message Queues --------", "key        msqid      owner      perms      used-bytes   messages    ",
    ...d.msg.map((q) => head(q.key, q.id, q.uid, q.perms) + `${String(q.usedBytes).padEnd(12)} ${String(q.messages).padEnd(12)}`),
    "", "------ Shared Memory Segments --------", "key        shmid      owner      perms      bytes      nattch     status      ",
    ...d.shm.map((s) => head(s.key, s.id, s.uid, s.perms) + `${String(s.bytes).padEnd(10)} ${String(s.nattch).padEnd(10)} ${(s.dest ? "dest" : "").padEnd(6)} ${(s.locked ? "locked" : "").padEnd(6)}`),
    "", "------ Semaphore Arrays --------", "key        semid      owner      perms      nsems     ",
    ...d.sem.map((a) => head(a.key, a.id, a.uid, a.perms) + String(a.nsems).padEnd(10)),
    "", "",
  ].join("\n");
}

/** Recorded output (../shared/reference/transcripts/01_host_baseline.txt and 02_unshare.txt). */
const EMPTY_IPCS = [
  "",
  "------ Message Queues --------",
  "key        msqid      owner      perms      used-bytes   messages    ",
  "",
  "------ Shared Memory Segments --------",
  "key        shmid      owner      perms      bytes      nattch     status      ",
  "",
  "------ Semaphore Arrays --------",
  "key        semid      owner      perms      nsems     ",
  "",
  "",
].join("\n");
const IPCS_AFTER_IPCMK = [
  "",
  "------ Message Queues --------",
  "key        msqid      owner      perms      used-bytes   messages    ",
  "0x06d88e57 0          root       644        0            0           ",
  "",
  "------ Shared Memory Segments --------",
  "key        shmid      owner      perms      bytes      nattch     status      ",
  "0x31b38c07 0          root       644        4096       0                       ",
  "",
  "------ Semaphore Arrays --------",
  "key        semid      owner      perms      nsems     ",
  "0x4e4ba7f6 0          root       644        2         ",
  "",
  "",
].join("\n");

/** `ipcmk -M 4096; ipcmk -Q; ipcmk -S 2` with the keys of the recording. */
function ipcmk(k: KernelHarness, pid: Pid): number[] {
  const flags = IPC_CREAT | IPC_EXCL | 0o644;
  const ids = [
    k.call(pid, { name: "shmget", key: 0x31b38c07, size: 4096, shmflg: flags }),
    k.call(pid, { name: "msgget", key: 0x06d88e57, msgflg: flags }),
    k.call(pid, { name: "semget", key: 0x4e4ba7f6, nsems: 2, semflg: flags }),
  ];
  return ids.map((o) => (o.result.ok ? Object.values(o.result.value as object)[0] as number : -1));
}

describe("System V IPC per IPC namespace", () => {
  it("shows what ipcmk made, as ipcs printed it on the recording host", () => {
    const k = new KernelHarness();
    expect(ipcs(dumpIpc(k.state, k.task(k.shell).ns.ipc))).toBe(EMPTY_IPCS);
    expect(ipcmk(k, k.shell)).toEqual([0, 0, 0]);
    expect(ipcs(dumpIpc(k.state, k.task(k.shell).ns.ipc))).toBe(IPCS_AFTER_IPCMK);
  });

  it("shows nothing of the host's objects in a new IPC namespace (`unshare --ipc ipcs`), and frees its own with it", () => {
    const k = new KernelHarness();
    ipcmk(k, k.shell);
    const child = k.fork(k.shell, CLONE_NEWIPC);
    const ns = k.task(child).ns.ipc;
    expect(ipcs(dumpIpc(k.state, ns))).toBe(EMPTY_IPCS);
    // The same keys are free here and get the same first ids.
    expect(ipcmk(k, child)).toEqual([0, 0, 0]);
    expect(k.call(child, { name: "shmget", key: 0x31b38c07, size: 0, shmflg: 0 }).result).toEqual({ ok: true, value: { shmid: 0 } });
    k.call(child, { name: "exit_group", code: 0 });
    expect(k.state.ipc.namespaces.has(ns)).toBe(false);
    expect(dumpIpc(k.state, k.task(k.shell).ns.ipc).shm).toHaveLength(1);
  });

  it("numbers ids as seq * 32768 + index, moving on cyclically and bumping seq when the index wraps", () => {
    const k = new KernelHarness();
    const ids: number[] = [];
    for (let i = 0; i < 66; i++) {
      const out = k.call(k.shell, { name: "msgget", key: 0, msgflg: 0o600 });
      const id = (out.result as { value: { msqid: number } }).value.msqid;
      ids.push(id);
      k.call(k.shell, { name: "msgctl", msqid: id, cmd: "IPC_RMID" });
    }
    expect(ids.slice(0, 3)).toEqual([0, 1, 2]);
    expect(ids.slice(62)).toEqual([62, 63, 32768, 32769]);
    expect(k.call(k.shell, { name: "msgctl", msqid: 1, cmd: "IPC_STAT" }).result).toEqual({ ok: false, error: "EINVAL" });
  });

  it("checks the mode bits (EACCES), ownership for IPC_RMID (EPERM), and lets CAP_IPC_OWNER through", () => {
    const k = new KernelHarness();
    const shmid = (k.call(k.shell, { name: "shmget", key: 0x1234, size: 100, shmflg: IPC_CREAT | 0o600 }).result as { value: { shmid: number } }).value.shmid;
    const user = k.fork(k.shell);
    k.setCred(user, userCred(1000, 1000));
    expect(k.call(user, { name: "shmget", key: 0x1234, size: 0, shmflg: 0 }).result).toEqual({ ok: true, value: { shmid } });
    const open = k.call(user, { name: "shmget", key: 0x1234, size: 0, shmflg: 0o600 });
    expect(open.result).toEqual({ ok: false, error: "EACCES" });
    expect(open.trace.map((c) => `${c.layer}:${c.verdict}:${c.rule}`)).toEqual(["dac:deny:ipcperms", "capability:deny:ns_capable(CAP_IPC_OWNER)"]);
    expect(k.call(user, { name: "shmat", shmid, shmflg: 0 }).result).toEqual({ ok: false, error: "EACCES" });
    expect(k.call(user, { name: "shmctl", shmid, cmd: "IPC_RMID" }).result).toEqual({ ok: false, error: "EPERM" });
    expect(k.call(user, { name: "shmget", key: 0x1234, size: 200, shmflg: 0 }).result).toEqual({ ok: false, error: "EINVAL" });
    expect(k.call(user, { name: "shmget", key: 0x1234, size: 0, shmflg: IPC_CREAT | IPC_EXCL }).result).toEqual({ ok: false, error: "EEXIST" });
    expect(k.call(user, { name: "shmget", key: 0x9999, size: 0, shmflg: 0 }).result).toEqual({ ok: false, error: "ENOENT" });
    const root = k.fork(k.shell);
    expect(k.call(root, { name: "shmat", shmid, shmflg: 0 }).trace.map((c) => c.rule)).toEqual(["ipcperms", "do_shmat"]);
  });
});

describe("shared memory attachments", () => {
  it("keeps a removed segment until its last detach, and detaches at exit", () => {
    const k = new KernelHarness();
    const ns = k.task(k.shell).ns.ipc;
    const shmid = (k.call(k.shell, { name: "shmget", key: 0x77, size: 8192, shmflg: IPC_CREAT | 0o666 }).result as { value: { shmid: number } }).value.shmid;
    const a = k.fork(k.shell);
    const b = k.fork(k.shell);
    const at = k.call(a, { name: "shmat", shmid, shmflg: 0 });
    expect(at.result).toEqual({ ok: true, value: { addr: 0x7f0000000000 - 8192 } });
    k.call(b, { name: "shmat", shmid, shmflg: 0o10000 });
    k.call(k.shell, { name: "shmctl", shmid, cmd: "IPC_RMID" });
    expect(dumpIpc(k.state, ns).shm).toMatchObject([{ key: 0, id: shmid, nattch: 2, dest: true }]);
    expect(k.call(a, { name: "shmdt", addr: 0x7f0000000000 - 8192 }).result).toEqual({ ok: true, value: 0 });
    expect(k.call(a, { name: "shmdt", addr: 0x7f0000000000 - 8192 }).result).toEqual({ ok: false, error: "EINVAL" });
    expect(dumpIpc(k.state, ns).shm).toMatchObject([{ nattch: 1, dest: true, lpid: a }]);
    k.call(b, { name: "exit_group", code: 0 });
    expect(dumpIpc(k.state, ns).shm).toEqual([]);
  });

  it("keeps an IPC namespace alive while a segment of it is attached", () => {
    const k = new KernelHarness();
    const child = k.fork(k.shell, CLONE_NEWIPC);
    const ns = k.task(child).ns.ipc;
    const shmid = (k.call(child, { name: "shmget", key: 0, size: 10, shmflg: 0o600 }).result as { value: { shmid: number } }).value.shmid;
    const addr = (k.call(child, { name: "shmat", shmid, shmflg: 0 }).result as { value: { addr: number } }).value.addr;
    k.call(child, { name: "setns", target: k.task(k.shell).ns.ipc, nstype: CLONE_NEWIPC });
    expect(dumpIpc(k.state, ns).shm).toMatchObject([{ nattch: 1 }]);
    k.call(child, { name: "shmdt", addr });
    expect(k.state.ipc.namespaces.has(ns)).toBe(false);
  });
});
