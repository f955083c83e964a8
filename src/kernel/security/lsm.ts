/**
 * The kernel side of the LSMs: which profile a task runs under, audit stamps, and the denial
 * record in the kernel log. Hooks call these with the task about to be checked, as
 * `security/security.c` calls each LSM's hook.
 */
import { Map as IMap } from "immutable";
import type { KernelState } from "../state";
import { KERN_NOTICE, printk } from "../state";
import type { Task } from "../task/task";
import type { AuditContext } from "./audit";
import type { AaProfile } from "./apparmor/profile";
import { APPARMOR_UNCONFINED, DOCKER_DEFAULT_APPARMOR } from "./apparmor/profile";
import type { LsmDecision } from "./apparmor/decision";
import type { Check } from "../trace";

export interface LsmState {
  /** AppArmor profiles loaded in the kernel, by name (apparmor_parser -r). */
  readonly apparmor: IMap<string, AaProfile>;
  /** The audit record serial: `audit(…:N)`. */
  readonly auditSerial: number;
  /** SELinux `getenforce`: Enforcing, or Permissive (denials are logged with permissive=1 and allowed). */
  readonly selinuxEnforcing: boolean;
}

/** What an Ubuntu host has loaded once Docker has started: its default container profile. */
export const BOOT_LSM: LsmState = {
  apparmor: IMap<string, AaProfile>().set(DOCKER_DEFAULT_APPARMOR.name, DOCKER_DEFAULT_APPARMOR),
  auditSerial: 100,
  selinuxEnforcing: true,
};

/** The AppArmor profile a task is confined by; unknown or "unconfined" labels are unconfined. */
export const apparmorProfileOf = (state: KernelState, task: Task): AaProfile =>
  state.lsm.apparmor.get(task.lsm.label) ?? APPARMOR_UNCONFINED;

/** The audit context for a check about `task`, taking the next serial number. */
export function auditContext(state: KernelState, task: Task): readonly [KernelState, AuditContext] {
  const ctx = nextAuditContext(state, task);
  return [{ ...state, lsm: { ...state.lsm, auditSerial: ctx.stamp.serial } }, ctx] as const;
}

const nextAuditContext = (state: KernelState, task: Task): AuditContext => ({
  pid: task.nr[0] ?? task.pid, comm: task.comm,
  stamp: { timeMs: state.config.bootEpochMs + Math.floor(state.nowNs / 1e6), serial: state.lsm.auditSerial + 1 },
});

/**
 * Runs an LSM decision: on a host without that LSM it does not apply; a denial's audit record
 * goes to the kernel log (audit: type=1400 …).
 */
export function runLsm(state: KernelState, task: Task, decide: (ctx: AuditContext) => LsmDecision): readonly [KernelState, Check] {
  // Performance: most decisions write no record, so the serial is taken (the state copied) only
  // when one is written; the context is the same either way.
  const decision = decide(nextAuditContext(state, task));
  if (!decision.audit) return [state, decision.check];
  const [s] = auditContext(state, task);
  return [printk(s, KERN_NOTICE, decision.audit), decision.check] as const;
}
