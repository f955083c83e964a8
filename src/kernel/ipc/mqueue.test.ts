import { describe, expect, it } from "vitest";
import { userCred } from "../cred/cred";
import type { Pid } from "../ids";
import { CLONE_NEWIPC } from "../ns/namespace";
import { KernelHarness } from "../testing";
import { O_CREAT, O_EXCL, O_RDONLY, O_RDWR, O_WRONLY, listMqueues, mqueueFileText } from "./mqueue";

describe("POSIX message queues", () => {
  it("live in the IPC namespace's mqueue filesystem", () => {
    const k = new KernelHarness();
    const ns = k.task(k.shell).ns.ipc;
    expect(k.call(k.shell, { name: "mq_open", path: "/jobs", oflag: O_CREAT | O_RDWR, mode: 0o644 }).result).toEqual({ ok: true, value: { name: "jobs" } });
    expect(listMqueues(k.state, ns).map((q) => [q.name, q.mode.toString(8), q.maxmsg, q.msgsize])).toEqual([["jobs", "644", 10, 8192]]);
    expect(listMqueues(k.state, ns).map(mqueueFileText)).toEqual(["QSIZE:0          NOTIFY:0     SIGNO:0     NOTIFY_PID:0     \n"]);
    const child = k.fork(k.shell, CLONE_NEWIPC);
    expect(listMqueues(k.state, k.task(child).ns.ipc)).toEqual([]);
    expect(k.call(child, { name: "mq_open", path: "/jobs", oflag: O_RDONLY }).result).toEqual({ ok: false, error: "ENOENT" });
  });

  it("check names, O_EXCL, attributes and the mode bits", () => {
    const k = new KernelHarness();
    const open = (pid: Pid, path: string, oflag: number, extra = {}) => k.call(pid, { name: "mq_open", path, oflag, ...extra }).result;
    expect(open(k.shell, "jobs", O_CREAT)).toEqual({ ok: false, error: "EINVAL" });
    expect(open(k.shell, "/a/b", O_CREAT)).toEqual({ ok: false, error: "EACCES" });
    expect(open(k.shell, "/jobs", O_CREAT | O_WRONLY, { mode: 0o600, attr: { maxmsg: 10, msgsize: 128 } }).ok).toBe(true);
    expect(open(k.shell, "/jobs", O_CREAT | O_EXCL)).toEqual({ ok: false, error: "EEXIST" });
    const user = k.fork(k.shell);
    k.setCred(user, userCred(1000, 1000));
    expect(open(user, "/jobs", O_RDONLY)).toEqual({ ok: false, error: "EACCES" });
    expect(open(user, "/big", O_CREAT | O_RDWR, { attr: { maxmsg: 11, msgsize: 128 } })).toEqual({ ok: false, error: "EINVAL" });
    expect(open(k.shell, "/big", O_CREAT | O_RDWR, { attr: { maxmsg: 11, msgsize: 128 } }).ok).toBe(true);
    expect(k.call(user, { name: "mq_unlink", path: "/jobs" }).result).toEqual({ ok: false, error: "EPERM" });
    expect(k.call(k.shell, { name: "mq_unlink", path: "/jobs" }).result).toEqual({ ok: true, value: 0 });
    expect(k.call(k.shell, { name: "mq_unlink", path: "/jobs" }).result).toEqual({ ok: false, error: "ENOENT" });
  });
});
