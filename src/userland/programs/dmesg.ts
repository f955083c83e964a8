/**
 * util-linux dmesg: the kernel log, `[seconds.micros] message` per record.
 * SIMPLIFICATION: it always reads through syslog(2) as `dmesg -S` does (util-linux prefers
 * /dev/kmsg); the records and the permission check (kernel.dmesg_restrict, CAP_SYSLOG) are the same.
 */
import { strerror } from "../../kernel/index.ts";
import type { ProgramArgs, ProgramRun } from "../process/program";
import { sys, writeAll } from "../process/sys";

const READ_ALL = 3;
const READ_CLEAR = 4;
const CLEAR = 5;

export function* dmesg(args: ProgramArgs): ProgramRun {
  let action = READ_ALL;
  let raw = false;
  for (const arg of args.argv.slice(1)) {
    if (arg === "-c" || arg === "--read-clear") action = READ_CLEAR;
    else if (arg === "-C" || arg === "--clear") action = CLEAR;
    else if (arg === "-r" || arg === "--raw") raw = true;
    else if (arg === "-S" || arg === "--syslog") continue;
    else {
      yield* writeAll(2, `dmesg: unrecognized option '${arg}'\nTry 'dmesg --help' for more information.\n`);
      return 1;
    }
  }
  const r = yield* sys<{ text?: string }>({ name: "syslog", type: action });
  if (!r.ok) {
    yield* writeAll(2, `dmesg: ${action === CLEAR ? "clear kernel buffer failed" : "read kernel buffer failed"}: ${strerror(r.error)}\n`);
    return 1;
  }
  const text = r.value.text ?? "";
  yield* writeAll(1, raw ? text : text.replace(/^<\d+>/gm, ""));
  return 0;
}
