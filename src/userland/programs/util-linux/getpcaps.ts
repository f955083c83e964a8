/**
 * getpcaps(8) from libcap 2.66: for each PID, its capabilities in cap_to_text() form
 * (`1: =ep`, `875: cap_chown,…=ep`), `--verbose` as `Capabilities for '1': …`, `--iab` as the
 * IAB tuple. libcap reads them with capget(2) on the PID.
 *
 * SIMPLIFICATION: the kernel's capget(2) answers only for the caller, so the sets are read from
 * /proc/PID/status (CapInh, CapPrm, CapEff, CapBnd, CapAmb), which holds the same values.
 */
import { strerror } from "../../../kernel/index.ts";
import type { ProgramArgs, ProgramRun } from "../../process/program";
import { writeAll } from "../../process/sys";
import { capToText, capsOfPid, iabText } from "./caps";

const USAGE = `usage: getcaps [opts] <pid> [<pid> ...]

  Displays the capabilities on the queried process(es).
  The capabilities are displayed in
  cap_from_text(3) format.

  Optional arguments:
     --help, -h or --usage display this message.
     --verbose             use a more verbose output format.
     --ugly or --legacy    use the archaic legacy output format.
     --iab                 display IAB tuple (8 bits 3-state).
     --license             display license info
`;

export function* getpcaps(args: ProgramArgs): ProgramRun {
  const argv = args.argv;
  if (argv.length < 2) {
    yield* writeAll(2, USAGE);
    return 1;
  }
  let status = 0;
  let verbose = false;
  let iab = false;
  for (const arg of argv.slice(1)) {
    if (arg === "--help" || arg === "--usage" || arg === "-h") {
      yield* writeAll(2, USAGE);
      return 0;
    }
    if (arg === "--verbose" || arg === "--ugly" || arg === "--legacy") {
      verbose = true;
      continue;
    }
    if (arg === "--iab") {
      iab = true;
      continue;
    }
    if (!/^[+-]?\d+$/.test(arg) || Number(arg) < 0 || Number(arg) > 2 ** 31 - 1) {
      // EOVERFLOW is not among the kernel's errnos; its text is glibc's.
      const why = /^[+-]?\d+$/.test(arg) ? "Value too large for defined data type" : strerror("EINVAL");
      yield* writeAll(2, `Cannot parse pid ${arg} (${why})\n`);
      status = 1;
      continue;
    }
    const pid = Number(arg);
    const caps = yield* capsOfPid(pid);
    if (!caps.ok) {
      yield* writeAll(2, `Failed to get cap for pid ${pid}: ${strerror(caps.error === "ENOENT" ? "ESRCH" : caps.error)}\n`);
      status = 1;
      continue;
    }
    const text = capToText(caps.value);
    if (iab) yield* writeAll(1, `${arg} iab: ${iabText(caps.value)}\n`);
    else if (verbose) yield* writeAll(1, `Capabilities for '${arg}': ${text}\n`);
    else yield* writeAll(1, `${arg}: ${text}\n`);
  }
  return status;
}
