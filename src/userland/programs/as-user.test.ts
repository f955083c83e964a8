// The programs as an unprivileged user: a script run like runHeadless, but its shell drops to
// uid/gid 1000 (ubuntu) with setgroups/setresgid/setresuid before it execs bash.
import { describe, expect, it } from "vitest";
import type { Pid } from "../../kernel/index.ts";
import { UBUNTU_HOST, bootKernel, shellStatus, syscall } from "../../kernel/index.ts";
import type { ProgramRun } from "../process/program";
import { Runner } from "../process/runner";
import { close, sys } from "../process/sys";
import { PROGRAMS } from "./registry";

const ENV = ["HOME=/home/ubuntu", "PATH=/usr/local/bin:/usr/bin:/bin", "LANG=C.UTF-8", "USER=ubuntu"];

function* dropAndExec(script: string, out: readonly number[], err: readonly number[]): ProgramRun {
  yield* sys<number>({ name: "dup2", oldfd: out[1]!, newfd: 1 });
  yield* sys<number>({ name: "dup2", oldfd: err[1]!, newfd: 2 });
  for (const fd of [...out, ...err]) if (fd > 2) yield* close(fd);
  yield* sys<0>({ name: "setgroups", groups: [1000, 4, 27] });
  yield* sys<0>({ name: "setresgid", ids: [1000, 1000, 1000] });
  yield* sys<0>({ name: "setresuid", ids: [1000, 1000, 1000] });
  yield* sys<0>({ name: "chdir", path: "/home/ubuntu" });
  yield* sys<unknown>({ name: "execve", path: "/usr/bin/bash", argv: ["bash", "-c", script], envp: ENV });
  return 127;
}

/** `bash -c script` as ubuntu; stdout, stderr and the status. */
function runAsUser(script: string): { out: string; err: string; status: number } {
  const booted = bootKernel(UBUNTU_HOST);
  const login = [...booted.tasks.values()].find((t) => t.comm === "bash")!.pid;
  const runner = new Runner(booted, PROGRAMS);
  const call = <T>(c: Parameters<typeof syscall>[2]): T => {
    const r = syscall(runner.kernel, login, c);
    runner.kernel = r.state;
    if (!r.result.ok) throw new Error(`${c.name}: ${r.result.error}`);
    return r.result.value as T;
  };
  for (let fd = 0; fd < 3; fd++) call({ name: "openat", path: "/dev/null", flags: fd === 0 ? 0 : 1 });
  const out = call<{ fds: readonly [number, number] }>({ name: "pipe2" }).fds;
  const err = call<{ fds: readonly [number, number] }>({ name: "pipe2" }).fds;
  const child = call<{ child: Pid }>({ name: "clone", flags: 0 }).child;
  runner.attach(child, dropAndExec(script, out, err));
  call({ name: "close", fd: out[1] });
  call({ name: "close", fd: err[1] });
  runner.runUntil(() => runner.kernel.tasks.get(child)?.state === "Z", 3600e9);
  const drain = (fd: number) => {
    let text = "";
    for (;;) {
      const r = syscall(runner.kernel, login, { name: "read", fd, count: 65_536 });
      runner.kernel = r.state;
      const v = r.result.ok ? (r.result.value as { data?: string }) : undefined;
      if (!v?.data) return text;
      text += v.data;
    }
  };
  const stdout = drain(out[0]);
  const stderr = drain(err[0]);
  const waited = call<{ status: number }>({ name: "wait4", pid: child, options: 0 });
  return { out: stdout, err: stderr, status: shellStatus(waited.status) };
}

describe("as an unprivileged user", () => {
  it("id, whoami and groups name the dropped credentials", () => {
    expect(runAsUser("id; whoami; groups; id -G")).toEqual({
      out: "uid=1000(ubuntu) gid=1000(ubuntu) groups=1000(ubuntu),4(adm),27(sudo)\nubuntu\nubuntu adm sudo\n1000 4 27\n",
      err: "",
      status: 0,
    });
  });

  it("hostname cannot rename the host (transcript 10: hostname foo)", () => {
    expect(runAsUser("hostname foo; echo $?; hostname")).toEqual({ out: "1\nhost\n", err: "hostname: you must be root to change the host name\n", status: 0 });
  });

  it("ls cannot open a directory it may not read, and exits 2", () => {
    expect(runAsUser("ls /root")).toEqual({ out: "", err: "ls: cannot open directory '/root': Permission denied\n", status: 2 });
    expect(runAsUser("ls /root /boot").out).toBe("/boot:\ninitrd.img\ninitrd.img-6.18.0-9-generic\nvmlinuz\nvmlinuz-6.18.0-9-generic\n");
  });

  it("touch, mkdir and rm are refused where the user may not write", () => {
    const r = runAsUser("touch /etc/x; mkdir /etc/d; rm /etc/hostname; rm -f /etc/hostname; touch mine; ls");
    expect(r.err).toBe(
      "touch: cannot touch '/etc/x': Permission denied\n" +
        "mkdir: cannot create directory ‘/etc/d’: Permission denied\n" +
        "rm: cannot remove '/etc/hostname': Permission denied\n" +
        "rm: cannot remove '/etc/hostname': Permission denied\n",
    );
    expect(r.out).toBe("mine\n");
  });
});
