/**
 * Delivering a signal once permission checks have passed (`kernel/signal.c`): the default
 * action, a handler left for the program, or nothing — and the special rule for the init of a
 * PID namespace, which "ignores signals for which it has not installed a handler", except
 * SIGKILL and SIGSTOP sent from an ancestor namespace (pid_namespaces(7), sig_task_ignored()).
 */
import type { Pid } from "../ids";
import type { KernelState } from "../state";
import { getNs, getTask, putTask } from "../state";
import { exitTask } from "./exit";
import { SIGCONT, SIGKILL, SIGSTOP, defaultAction, signaledStatus } from "./signals";

export type Delivery = "ignored-by-init" | "ignored" | "handled" | "killed" | "stopped" | "continued" | "none";

/** `fromAncestor`: the sender cannot see the target's PID namespace's init as one of its own. */
export function deliverSignal(state: KernelState, target: Pid, sig: number, fromAncestor: boolean): readonly [KernelState, Delivery] {
  const task = getTask(state, target);
  if (sig === 0 || task.state === "Z") return [state, "none"];
  const disposition = sig === SIGKILL || sig === SIGSTOP ? "default" : (task.signals.dispositions[sig] ?? "default");
  const isInit = getNs(state, task.pidNs, "pid").init === target;
  const kernelOnly = sig === SIGKILL || sig === SIGSTOP;
  if (isInit && disposition === "default" && !(fromAncestor && kernelOnly)) return [state, "ignored-by-init"];
  if (disposition === "ignore") return [state, "ignored"];
  if (disposition === "handler") {
    return [putTask(state, { ...task, signals: { ...task.signals, pending: [...task.signals.pending, sig] } }), "handled"];
  }
  switch (defaultAction(sig)) {
    case "term":
      return [exitTask(state, target, signaledStatus(sig)), "killed"];
    case "core":
      return [exitTask(state, target, signaledStatus(sig, true)), "killed"];
    case "stop":
      return [putTask(state, { ...task, state: "T" }), "stopped"];
    case "cont":
      return [task.state === "T" ? putTask(state, { ...task, state: "S" }) : state, "continued"];
    default:
      return [state, sig === SIGCONT ? "continued" : "ignored"];
  }
}
