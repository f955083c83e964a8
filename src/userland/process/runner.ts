/**
 * The userland's CPU: it runs every live program's generator, makes each syscall it asks for as
 * that process, parks a process whose call would sleep (`{ kind: "blocked" }` from the kernel)
 * and tries the call again once the world has changed, and moves simulated time forward when
 * every process sleeps. Processes run in PID order, so a run is a function of its inputs.
 */
import type { KernelState, Pid, SyscallCall, SyscallOutcome } from "../../kernel/index.ts";
import { advanceTime, syscall } from "../../kernel/index.ts";
import type { ProgramRegistry, ProgramRun, Request } from "./program";

interface Proc {
  readonly pid: Pid;
  run: ProgramRun;
  /** The call a parked process waits to complete. */
  parked: SyscallCall | undefined;
  /** What the generator gets when it is next resumed. */
  reply: SyscallOutcome | undefined;
  started: boolean;
}

/** How many requests one process may make before the others get a turn. */
const SLICE = 10_000;
/** How far the clock moves when every process sleeps: one scheduler tick. */
const IDLE_STEP_NS = 10_000_000;

export function isBlocked(outcome: SyscallOutcome): boolean {
  if (!outcome.result.ok) return false;
  const value = outcome.result.value;
  return typeof value === "object" && value !== null && (value as { kind?: unknown }).kind === "blocked";
}

/** A task that can no longer run: reaped, a zombie, or (SIGSTOP) stopped. */
function gone(kernel: KernelState, pid: Pid): boolean {
  const task = kernel.tasks.get(pid);
  return !task || task.state === "Z";
}

export class Runner {
  private readonly procs = new Map<Pid, Proc>();

  constructor(
    public kernel: KernelState,
    private readonly registry: ProgramRegistry,
  ) {}

  /** Starts `run` as the program of an existing task (a shell the world booted with). */
  attach(pid: Pid, run: ProgramRun): void {
    this.procs.set(pid, { pid, run, parked: undefined, reply: undefined, started: false });
  }

  has(pid: Pid): boolean {
    return this.procs.has(pid);
  }

  /**
   * Runs until `done()` holds, or nothing can run and no time-based wake-up is left, or
   * `maxNs` of simulated time have passed. Returns whether `done()` holds.
   */
  runUntil(done: () => boolean, maxNs: number): boolean {
    const deadline = this.kernel.nowNs + maxNs;
    for (;;) {
      if (done()) return true;
      if (this.round()) continue;
      if (done()) return true;
      if (this.kernel.nowNs >= deadline || !this.waitingOnTime()) return done();
      this.kernel = advanceTime(this.kernel, Math.min(IDLE_STEP_NS, deadline - this.kernel.nowNs));
    }
  }

  /** One pass over every process in PID order; true if any made progress. */
  private round(): boolean {
    let progressed = false;
    for (const pid of [...this.procs.keys()].sort((a, b) => a - b)) {
      const proc = this.procs.get(pid);
      if (!proc) continue;
      if (gone(this.kernel, pid)) {
        this.procs.delete(pid);
        progressed = true;
        continue;
      }
      if (this.kernel.tasks.get(pid)?.state === "T") continue;
      if (this.step(proc)) progressed = true;
    }
    return progressed;
  }

  /** Whether a sleeping task will wake when the clock moves (a timer, a CPU burner…). */
  private waitingOnTime(): boolean {
    for (const task of this.kernel.tasks.values()) {
      if (task.state === "Z") continue;
      const kind = task.activity.kind;
      if (kind === "sleep" || kind === "burn" || kind === "hog" || kind === "forkbomb") return true;
    }
    return false;
  }

  /** Runs one process until it parks, exits, or uses its slice; true if it made progress. */
  private step(proc: Proc): boolean {
    if (proc.parked) {
      const outcome = syscall(this.kernel, proc.pid, proc.parked);
      this.kernel = outcome.state;
      if (isBlocked(outcome)) return false;
      proc.parked = undefined;
      proc.reply = outcome;
    }
    for (let i = 0; i < SLICE; i++) {
      const next = proc.started ? proc.run.next(proc.reply!) : proc.run.next(undefined as never);
      proc.started = true;
      if (next.done) {
        this.exit(proc, next.value);
        return true;
      }
      const outcome = this.perform(proc, next.value);
      if (!outcome) return true; // exec'd, exited or killed: nothing to resume
      if (isBlocked(outcome)) {
        proc.parked = next.value.kind === "syscall" ? next.value.call : undefined;
        return i > 0;
      }
      proc.reply = outcome;
      if (gone(this.kernel, proc.pid)) {
        this.procs.delete(proc.pid);
        return true;
      }
    }
    return true;
  }

  /** Makes one request; undefined when the process has no generator to resume. */
  private perform(proc: Proc, request: Request): SyscallOutcome | undefined {
    if (request.kind === "fork") {
      const outcome = syscall(this.kernel, proc.pid, { name: "clone", flags: request.flags });
      this.kernel = outcome.state;
      if (outcome.result.ok) {
        const child = (outcome.result.value as { child: Pid }).child;
        this.procs.set(child, { pid: child, run: request.child(child), parked: undefined, reply: undefined, started: false });
      }
      return outcome;
    }
    const outcome = syscall(this.kernel, proc.pid, request.call);
    this.kernel = outcome.state;
    if (isBlocked(outcome)) return outcome;
    if (request.call.name === "execve" && outcome.result.ok) return this.exec(proc, request.call, outcome);
    if (request.call.name === "exit_group") {
      this.procs.delete(proc.pid);
      return undefined;
    }
    return outcome;
  }

  /** A successful execve(2): the old program is gone; the new one starts from its main. */
  private exec(proc: Proc, call: Extract<SyscallCall, { name: "execve" }>, outcome: SyscallOutcome): SyscallOutcome | undefined {
    if (!outcome.result.ok) return outcome;
    const program = (outcome.result.value as { program: { kind: string; name?: string; interpreter?: string } }).program;
    const name = program.kind === "program" ? program.name! : program.interpreter!.split("/").pop()!;
    const main = this.registry.get(name);
    const argv = program.kind === "program" ? call.argv : [program.interpreter!, call.path, ...call.argv.slice(1)];
    if (!main) {
      // The file is a real program of the image, but the simulator has no implementation of it:
      // say so plainly rather than pretend it ran.
      this.kernel = syscall(this.kernel, proc.pid, { name: "write", fd: 2, data: `isolab: ${call.path}: this program is not simulated yet\n` }).state;
      this.exit(proc, 127);
      return undefined;
    }
    proc.run = main({ pid: proc.pid, program: name, argv, env: call.envp });
    proc.started = false;
    proc.reply = undefined;
    return { ...outcome, result: outcome.result };
  }

  private exit(proc: Proc, status: number): void {
    this.procs.delete(proc.pid);
    if (!gone(this.kernel, proc.pid)) this.kernel = syscall(this.kernel, proc.pid, { name: "exit_group", code: status & 0xff }).state;
  }
}
