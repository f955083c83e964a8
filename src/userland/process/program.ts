/**
 * What a program is to the simulator (decision 0007): a generator that yields requests to the
 * kernel and gets each one's outcome back, and finally returns its exit status. A program never
 * reads kernel state; everything it learns comes back from its syscalls.
 */
import type { Pid, SyscallCall, SyscallOutcome } from "../../kernel/index.ts";

export type Request =
  /** One system call, made by this process. */
  | { readonly kind: "syscall"; readonly call: SyscallCall }
  /**
   * fork(2)/clone(2) with what the child runs. A generator cannot be copied, so the parent says
   * where the child continues: real shells fork and then either exec or run a piece of their
   * own script, and both are a fresh start from copied data.
   */
  | { readonly kind: "fork"; readonly flags: number; readonly child: (pid: Pid) => ProgramRun };

export type ProgramRun = Generator<Request, number, SyscallOutcome>;

export interface ProgramArgs {
  readonly pid: Pid;
  /** The program's name as the executable names it (`ls`, `busybox`, `bash`). */
  readonly program: string;
  readonly argv: readonly string[];
  /** `NAME=value` strings, as execve(2) passes them. */
  readonly env: readonly string[];
}

export type ProgramMain = (args: ProgramArgs) => ProgramRun;

/** Programs by the name an executable file carries. */
export type ProgramRegistry = ReadonlyMap<string, ProgramMain>;

export const syscallRequest = (call: SyscallCall): Request => ({ kind: "syscall", call });
