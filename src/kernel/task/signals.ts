/** Signal numbers on x86-64 (signal(7)) and their default actions. */
export const SIGNALS = {
  SIGHUP: 1, SIGINT: 2, SIGQUIT: 3, SIGILL: 4, SIGTRAP: 5, SIGABRT: 6, SIGBUS: 7, SIGFPE: 8,
  SIGKILL: 9, SIGUSR1: 10, SIGSEGV: 11, SIGUSR2: 12, SIGPIPE: 13, SIGALRM: 14, SIGTERM: 15,
  SIGSTKFLT: 16, SIGCHLD: 17, SIGCONT: 18, SIGSTOP: 19, SIGTSTP: 20, SIGTTIN: 21, SIGTTOU: 22,
  SIGURG: 23, SIGXCPU: 24, SIGXFSZ: 25, SIGVTALRM: 26, SIGPROF: 27, SIGWINCH: 28, SIGIO: 29,
  SIGPWR: 30, SIGSYS: 31,
} as const;

export type SignalName = keyof typeof SIGNALS;
export const SIGKILL = SIGNALS.SIGKILL;
export const SIGSTOP = SIGNALS.SIGSTOP;
export const SIGCHLD = SIGNALS.SIGCHLD;
export const SIGCONT = SIGNALS.SIGCONT;

export type DefaultAction = "term" | "core" | "ignore" | "stop" | "cont";

/** The "Action" column of signal(7). */
export function defaultAction(sig: number): DefaultAction {
  if (sig === SIGCHLD || sig === SIGNALS.SIGURG || sig === SIGNALS.SIGWINCH) return "ignore";
  if (sig === SIGCONT) return "cont";
  if (sig === SIGSTOP || sig === SIGNALS.SIGTSTP || sig === SIGNALS.SIGTTIN || sig === SIGNALS.SIGTTOU) return "stop";
  const core = [3, 4, 5, 6, 7, 8, 11, 24, 25, 31];
  return core.includes(sig) ? "core" : "term";
}

export const signalName = (sig: number): string | undefined =>
  (Object.keys(SIGNALS) as SignalName[]).find((n) => SIGNALS[n] === sig);

/** wait(2) status words: WIFEXITED with a code, or WIFSIGNALED with a signal (and core flag). */
export const exitedStatus = (code: number): number => (code & 0xff) << 8;
export const signaledStatus = (sig: number, core = false): number => (sig & 0x7f) | (core ? 0x80 : 0);
export const wifexited = (status: number): boolean => (status & 0x7f) === 0;
export const wexitstatus = (status: number): number => (status >> 8) & 0xff;
export const wtermsig = (status: number): number => status & 0x7f;
/** What a shell shows as `$?`: the exit code, or 128 + the signal (137 after SIGKILL). */
export const shellStatus = (status: number): number => (wifexited(status) ? wexitstatus(status) : 128 + wtermsig(status));
