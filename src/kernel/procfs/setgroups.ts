/**
 * Writing /proc/PID/setgroups (`kernel/user_namespace.c: proc_setgroups_write()`, opened by
 * `fs/proc/base.c: proc_setgroups_open()`). Since Linux 3.19 an unprivileged process may map
 * its own gid only after writing "deny" here, so that it can never drop a supplementary group
 * with setgroups(2) and gain access a "negative" group permission denied it (CVE-2014-8989).
 *
 * "The /proc/PID/setgroups file can be written … 'deny' … only before the gid_map has been
 * written"; once denied it stays denied; writing "allow" while allowed changes nothing
 * (user_namespaces(7)).
 */
import { capableCheck } from "../cred/capable";
import type { KernelState } from "../state";
import { getNs, putNs } from "../state";
import type { Task } from "../task/task";
import { deny, pass } from "../trace";
import type { ProcWriteOutcome } from "./write-common";
import { badValue, refused, skipSpaces, utf8Length, written } from "./write-common";

export function writeSetgroups(state: KernelState, writer: Task, target: Task, text: string): ProcWriteOutcome {
  const ns = getNs(state, target.cred.userNs, "user");
  // Opening the file for writing needs CAP_SYS_ADMIN in the target's user namespace (EACCES).
  const open = capableCheck(state, writer.cred, ns.id, "CAP_SYS_ADMIN", `opening the setgroups file of user namespace ${ns.id} for writing`, "EACCES");
  if (open.verdict === "deny") return refused(state, [], open);
  const trace = [open];
  // "Only allow a very narrow range of strings to be written": fewer than 8 bytes.
  if (utf8Length(text) >= 8) return badValue(state, trace, "proc_setgroups_write", `write "allow" or "deny" (at most 7 bytes)`);
  const word = text.startsWith("allow") ? "allow" : text.startsWith("deny") ? "deny" : undefined;
  if (!word || skipSpaces(text, word.length) !== text.length) {
    return badValue(state, trace, "proc_setgroups_write", `"${text.trim()}" is neither "allow" nor "deny"`);
  }
  if (word === "allow" && ns.setgroups === "deny") {
    return refused(state, trace, deny("namespace", "proc_setgroups_write", "setgroups cannot be allowed again once it was denied", "EPERM"));
  }
  if (word === "deny" && (ns.gidMap ?? []).length > 0) {
    return refused(state, trace, deny("namespace", "proc_setgroups_write", `the gid_map of user namespace ${ns.id} is already written: "deny" must come before it`, "EPERM"));
  }
  const next = word === "deny" ? putNs(state, { ...ns, setgroups: "deny" }) : state;
  return written(next, [...trace, pass("namespace", "proc_setgroups_write", `setgroups(2) is now ${word === "deny" ? "denied" : "allowed"} in user namespace ${ns.id}`)], text);
}
