/**
 * A user-mode memory fault the program cannot survive (`arch/x86/mm/fault.c`): a load, store
 * or instruction fetch at an address with no mapping, or with a mapping that forbids the access.
 * The kernel sends SIGSEGV (`force_sig_fault()`); when the program has no handler and
 * `debug.exception-trace` is on, `show_signal_msg()` first prints the line dmesg shows:
 *
 *   a.out[4321]: segfault at 0 ip 000055d1c8a3a13d sp 00007ffd6a1c7e40 error 6 in a.out[113d,55d1c8a3a000+1000] likely on CPU 0 (core 0, socket 0)
 *
 * SIMPLIFICATION: the "Code: …" line of opcode bytes that follows in real logs is not printed
 * (the simulator runs no machine code); the faulting ip is a fixed point in the program's text.
 */
import type { Pid } from "../ids";
import { getSysctl } from "../procfs/store";
import { mmLayout } from "../procfs/mm-layout";
import type { Vma } from "../procfs/mm-layout";
import type { KernelState } from "../state";
import { KERN_INFO, getTask, printk } from "../state";
import { deliverSignal } from "./deliver";
import { exitTask } from "./exit";
import { SIGNALS, signaledStatus } from "./signals";

export type FaultAccess = "read" | "write" | "exec";

/** x86 page-fault error code bits (`enum x86_pf_error_code`). */
const PF_PROT = 1 << 0;
const PF_WRITE = 1 << 1;
const PF_USER = 1 << 2;
const PF_INSTR = 1 << 4;

const hex16 = (n: number) => n.toString(16).padStart(16, "0");
const basename = (path: string) => path.slice(path.lastIndexOf("/") + 1);

/** The error code the CPU pushes: user mode, write or fetch, and whether a mapping was there. */
export function faultErrorCode(vma: Vma | undefined, access: FaultAccess): number {
  return PF_USER | (vma ? PF_PROT : 0) | (access === "write" ? PF_WRITE : 0) | (access === "exec" ? PF_INSTR : 0);
}

/** Whether `vma`'s permissions allow the access (then there is no fault at all). */
function allowed(vma: Vma | undefined, access: FaultAccess): boolean {
  if (!vma) return false;
  const index = access === "read" ? 0 : access === "write" ? 1 : 2;
  return vma.perms[index] !== "-";
}

/** `print_vma_addr()`: ` in FILE[OFFSET,START+SIZE]` when ip lies in a file mapping. */
function vmaAddr(vmas: readonly Vma[], ip: number): string {
  const vma = vmas.find((v) => ip >= v.start && ip < v.end);
  if (!vma?.file) return "";
  return ` in ${basename(vma.file)}[${(ip - vma.start + vma.offset).toString(16)},${vma.start.toString(16)}+${(vma.end - vma.start).toString(16)}]`;
}

/**
 * The task touches `address` with `access`. If its mappings allow it, nothing happens; otherwise
 * it gets SIGSEGV: a handler runs, or without one it dies of the signal (a shell prints
 * "Segmentation fault" and `$?` is 139) after the log line.
 */
export function userFault(state: KernelState, pid: Pid, address: number, access: FaultAccess): KernelState {
  const task = getTask(state, pid);
  const layout = mmLayout(task);
  if (!layout) return state;
  const vma = layout.vmas.find((v) => address >= v.start && address < v.end);
  if (allowed(vma, access)) return state;
  const sig = SIGNALS.SIGSEGV;
  const handled = task.signals.dispositions[sig] === "handler";
  const ip = access === "exec" ? address : layout.startCode + ((task.pid * 0x1d) % Math.max(1, layout.endCode - layout.startCode));
  const sp = layout.startStack - 0x40;
  let s = state;
  if (!handled && (getSysctl(s, "debug.exception-trace") ?? "1") !== "0") {
    const cpu = task.pid % s.config.cpus;
    s = printk(
      s,
      KERN_INFO,
      `${task.comm}[${task.nr[0] ?? task.pid}]: segfault at ${address.toString(16)} ip ${hex16(ip)} sp ${hex16(sp)} error ${faultErrorCode(vma, access).toString(16)}` +
        `${vmaAddr(layout.vmas, ip)} likely on CPU ${cpu} (core ${cpu}, socket 0)`,
    );
  }
  // force_sig_fault(): a handler runs; otherwise the default action (core) applies even to the
  // init of a PID namespace, which ordinary signals from inside cannot kill.
  return handled ? deliverSignal(s, pid, sig, true)[0] : exitTask(s, pid, signaledStatus(sig, true));
}
