/**
 * A script run headless, as `isolab sh -c SCRIPT` does (DESIGN.md contract 7): a fresh host,
 * the login shell's terminal replaced by two pipes the host drains (so stdout and stderr stay
 * apart), `bash -c SCRIPT` forked from the login shell, simulated time fast-forwarded until
 * the script ends. Everything the script does goes through the kernel as processes.
 */
import type { KernelState, Pid, SyscallCall } from "../kernel/index.ts";
import { FEDORA_HOST, UBUNTU_HOST, bootKernel, shellStatus, syscall } from "../kernel/index.ts";
import type { ProgramRun } from "./process/program";
import { Runner } from "./process/runner";
import { close, sys } from "./process/sys";
import { PROGRAMS } from "./programs/registry";

export interface HeadlessResult {
  readonly stdout: string;
  readonly stderr: string;
  /** The script's exit status (128 + N when a signal N killed it). */
  readonly status: number;
  readonly kernel: KernelState;
}

export interface HeadlessOptions {
  /** The host to boot: Ubuntu with AppArmor (default) or Fedora with SELinux. */
  readonly host?: "ubuntu" | "fedora";
  /** How much simulated time the script may take before it is killed. */
  readonly maxNs?: number;
  /** Run the script as this user instead of root, as a login would set it up. */
  readonly user?: HeadlessUser;
}

/** An unprivileged account of the simulated host (e.g. Ubuntu's `ubuntu`, uid 1000). */
export interface HeadlessUser {
  readonly name: string;
  readonly uid: number;
  readonly gid: number;
  /** Supplementary groups. */
  readonly groups: readonly number[];
  readonly home: string;
}

const DAY_NS = 86_400 * 1e9;
const SHELL_ENV = ["HOME=/root", "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "LANG=C.UTF-8", "USER=root", "LOGNAME=root", "SHELL=/bin/bash", "PWD=/root", "TERM=xterm-256color"];

class HostCalls {
  constructor(readonly runner: Runner, readonly pid: Pid) {}
  call<T>(call: SyscallCall): T {
    const out = syscall(this.runner.kernel, this.pid, call);
    this.runner.kernel = out.state;
    if (!out.result.ok) throw new Error(`headless: ${call.name} failed: ${out.result.error}`);
    return out.result.value as T;
  }
}

/**
 * The child's first moments: its stdout and stderr become the pipes; for a user, it drops to
 * that user's ids as login(1) does (setgroups, setresgid, setresuid, chdir home); then it
 * execs bash.
 */
function* launcher(script: string, out: readonly [number, number], err: readonly [number, number], user?: HeadlessUser): ProgramRun {
  yield* sys<number>({ name: "dup2", oldfd: out[1], newfd: 1 });
  yield* sys<number>({ name: "dup2", oldfd: err[1], newfd: 2 });
  for (const fd of [...out, ...err]) if (fd > 2) yield* close(fd);
  let env = SHELL_ENV;
  if (user) {
    yield* sys<0>({ name: "setgroups", groups: [...user.groups] });
    yield* sys<0>({ name: "setresgid", ids: [user.gid, user.gid, user.gid] });
    yield* sys<0>({ name: "setresuid", ids: [user.uid, user.uid, user.uid] });
    yield* sys<0>({ name: "chdir", path: user.home });
    const own: Record<string, string> = { HOME: user.home, USER: user.name, LOGNAME: user.name, PWD: user.home, PATH: "/usr/local/bin:/usr/bin:/bin" };
    env = SHELL_ENV.map((e) => {
      const name = e.slice(0, e.indexOf("="));
      return own[name] !== undefined ? `${name}=${own[name]}` : e;
    });
  }
  const r = yield* sys<unknown>({ name: "execve", path: "/usr/bin/bash", argv: ["bash", "-c", script], envp: env });
  return r.ok ? 0 : 127;
}

/**
 * A booted host whose login shell's terminal is replaced by the host's pipes: each `run` forks
 * `bash -c SCRIPT` from the login shell, as typing a line would, and collects what it prints.
 * The world persists between runs (files, processes, containers).
 */
export class HeadlessSession {
  readonly runner: Runner;
  private readonly host: HostCalls;
  private readonly login: Pid;

  constructor(options: HeadlessOptions = {}) {
    const booted = bootKernel(options.host === "fedora" ? FEDORA_HOST : UBUNTU_HOST);
    this.login = [...booted.tasks.values()].find((t) => t.comm === "bash")!.pid;
    this.runner = new Runner(booted, PROGRAMS);
    this.host = new HostCalls(this.runner, this.login);
    // The login shell's terminal: /dev/null for input (a headless run reads nothing), so the
    // pipes land above the three standard descriptors.
    for (let fd = 0; fd < 3; fd++) this.host.call({ name: "openat", path: "/dev/null", flags: fd === 0 ? 0 : 1 });
  }

  get kernel(): KernelState {
    return this.runner.kernel;
  }

  run(script: string, maxNs = DAY_NS, user?: HeadlessUser): HeadlessResult {
    const { runner, host, login } = this;
    const out = host.call<{ fds: readonly [number, number] }>({ name: "pipe2" }).fds;
    const err = host.call<{ fds: readonly [number, number] }>({ name: "pipe2" }).fds;
    const child = host.call<{ child: Pid }>({ name: "clone", flags: 0 }).child;
    runner.attach(child, launcher(script, out, err, user));
    host.call({ name: "close", fd: out[1] });
    host.call({ name: "close", fd: err[1] });

    let stdout = "";
    let stderr = "";
    const drain = (fd: number): [string, boolean] => {
      let text = "";
      for (;;) {
        const r = syscall(runner.kernel, login, { name: "read", fd, count: 65_536 });
        runner.kernel = r.state;
        if (!r.result.ok) return [text, true];
        const v = r.result.value as { data?: string; kind?: string };
        if (v.kind === "blocked") return [text, false];
        if (v.data === "") return [text, true];
        text += v.data;
      }
    };
    const deadline = runner.kernel.nowNs + maxNs;
    const exited = () => runner.kernel.tasks.get(child)?.state === "Z";
    let outDone = false;
    let errDone = false;
    for (;;) {
      runner.runUntil(exited, Math.max(0, deadline - runner.kernel.nowNs));
      const [o, oEnd] = drain(out[0]);
      const [e, eEnd] = drain(err[0]);
      stdout += o;
      stderr += e;
      outDone ||= oEnd;
      errDone ||= eEnd;
      if (exited() && outDone && errDone) break;
      if (o === "" && e === "" && (exited() || runner.kernel.nowNs >= deadline)) break;
      if (o === "" && e === "" && !exited()) {
        // Nothing moved and nothing will: the script waits for input that never comes.
        host.call({ name: "kill", pid: child, sig: 9 });
      }
    }
    const waited = host.call<{ kind: string; status: number }>({ name: "wait4", pid: child, options: 0 });
    host.call({ name: "close", fd: out[0] });
    host.call({ name: "close", fd: err[0] });
    return { stdout, stderr, status: waited.kind === "reaped" ? shellStatus(waited.status) : 1, kernel: runner.kernel };
  }
}

/** One script on a fresh host. */
export function runHeadless(script: string, options: HeadlessOptions = {}): HeadlessResult {
  return new HeadlessSession(options).run(script, options.maxNs ?? DAY_NS, options.user);
}
