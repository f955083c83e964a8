/**
 * What execve(2) finds at a path (`fs/exec.c: do_open_execat()`): a regular file on a mount
 * without noexec (EACCES), with execute permission (CAP_DAC_OVERRIDE helps only when some
 * execute bit is set), holding a program the userland implements or a `#!` script (ENOEXEC for
 * anything else), and allowed by the LSM (security_bprm_creds_for_exec(): AppArmor's `x`,
 * SELinux's `execute`). The setuid/setgid bits and the mount's nosuid flag decide the new
 * credentials (cred/exec-creds.ts).
 */
import type { Result } from "../../lib";
import { err, ok } from "../../lib";
import type { Errno } from "../errno";
import type { Kgid, Kuid } from "../ids";
import type { KernelState } from "../state";
import type { Task } from "../task/task";
import type { Check } from "../trace";
import { deny, pass } from "../trace";
import { MAY_EXEC, isReg } from "./mode";
import { getMount } from "./mount-tree";
import { contentOf } from "./mutate";
import { resolvePath } from "./namei";
import { lsmFilePermission } from "./lsm-hooks";
import { inodePermission } from "./permission";
import { hasDeny } from "./sys-common";
import type { PathRef } from "./types";

export interface Executable {
  readonly path: PathRef;
  /** The command the userland runs, or the `#!` line of a script. */
  readonly program: { readonly kind: "program"; readonly name: string } | { readonly kind: "script"; readonly interpreter: string };
  readonly mode: number;
  readonly uid: Kuid;
  readonly gid: Kgid;
  /** The mount is nosuid: setuid and setgid bits and file capabilities are ignored. */
  readonly nosuid: boolean;
  readonly checks: readonly Check[];
}

export type ExecLookup = Result<Executable, { readonly errno: Errno; readonly checks: readonly Check[] }>;

export function lookupExecutable(state: KernelState, task: Task, path: string): ExecLookup {
  const c = { state, task };
  const r = resolvePath(c, task.cwd, path, { follow: true });
  if (!r.ok) return err({ errno: r.errno, checks: r.checks });
  const no = (rule: string, reason: string, errno: Errno): ExecLookup => err({ errno, checks: [...r.checks, deny("kernel", rule, reason, errno)] });
  if (!isReg(r.attr.mode)) return no("do_open_execat", `${path} is not a regular file`, "EACCES");
  const m = getMount(state, r.path.mnt);
  if (m.flags.noexec) return no("path_noexec", `${path} is on a noexec mount`, "EACCES");
  const perm = inodePermission(c, r.path, r.attr, MAY_EXEC, path);
  if (hasDeny(perm)) return err({ errno: "EACCES", checks: [...r.checks, ...perm] });
  const lsm = lsmFilePermission(state, task, { path: r.path, attr: r.attr }, MAY_EXEC);
  if (lsm) perm.push(lsm);
  if (lsm?.verdict === "deny") return err({ errno: "EACCES", checks: [...r.checks, ...perm] });
  const data = contentOf(c, r.path);
  const head = data?.kind === "text" && data.text.startsWith("#!") ? (data.text.split("\n")[0] ?? "").slice(2).trim() : undefined;
  const program = data?.kind === "program" ? { kind: "program" as const, name: data.program } : head !== undefined ? { kind: "script" as const, interpreter: head } : undefined;
  if (!program) return no("search_binary_handler", `${path}: not an executable format the kernel knows`, "ENOEXEC");
  const checks = [...r.checks, ...perm, pass("kernel", "do_open_execat", `${path} is ${program.kind === "program" ? `the ${program.name} program` : `a script for ${program.interpreter}`}`)];
  return ok({ path: r.path, program, mode: r.attr.mode, uid: r.attr.uid, gid: r.attr.gid, nosuid: m.flags.nosuid, checks });
}
