/**
 * touch (coreutils 9.4): openat(O_WRONLY|O_CREAT|O_NONBLOCK|O_NOCTTY, 0666) makes a missing
 * file; -c makes none. touch then sets the times with utimensat(2).
 * SIMPLIFICATION: the kernel has no utimensat(2) yet, so an existing file keeps its times and
 * -a, -m, -d, -t and -r are checked but change nothing. Where the real utimensat would decide
 * (a directory, a file open(2) refused), touch succeeds when the file exists and is the
 * caller's, or the caller is root, as utimensat(NULL) would allow.
 */
import type { Errno, StatResult } from "../../kernel/index.ts";
import { O_CREAT, O_WRONLY, strerror } from "../../kernel/index.ts";
import { close, sys, writeAll } from "../process/sys";
import type { ProgramArgs, ProgramRun } from "../process/program";
import { STANDARD_LONG, complain, getopt, helpText, quote, quoteaf, tryHelp, versionText } from "./common";

/** O_NONBLOCK and O_NOCTTY (asm-generic/fcntl.h), which index.ts does not export. */
const O_NOCTTY = 0o400;
const O_NONBLOCK = 0o4000;

const TOUCH_LONG = {
  ...STANDARD_LONG,
  "no-create": { key: "c", arg: "none" }, date: { key: "d", arg: "required" }, reference: { key: "r", arg: "required" },
  "no-dereference": { key: "h", arg: "none" }, time: { key: "time", arg: "required" },
} as const;

/** touch -t's [[CC]YY]MMDDhhmm[.ss]. */
const validStamp = (s: string) => /^(\d{2}){4,6}(\.\d{2})?$/.test(s) && [8, 10, 12].includes(s.split(".")[0]!.length);

/** touch [OPTION]… FILE… */
export function* touch(args: ProgramArgs): ProgramRun {
  const prog = args.argv[0] ?? "touch";
  const parsed = getopt(args.argv, { short: "acd:fhmr:t:", long: TOUCH_LONG });
  if (!parsed.ok) {
    yield* writeAll(2, parsed.message + tryHelp(prog));
    return 1;
  }
  let create = true;
  let noDeref = false;
  for (const { key, value } of parsed.options) {
    if (key === "help") return (yield* writeAll(1, helpText(prog, "[OPTION]... FILE...", "Update the access and modification times of each FILE to the current time."))) ? 1 : 0;
    if (key === "version") return (yield* writeAll(1, versionText("touch", "Paul Rubin, Arnold Robbins, Jim Kingdon,\nDavid MacKenzie, and Randy Smith"))) ? 1 : 0;
    if (key === "c") create = false;
    else if (key === "h") [noDeref, create] = [true, false];
    else if (key === "t" && !validStamp(value!)) {
      yield* complain(prog, `invalid date format ${quote(value!)}`);
      return 1;
    } else if (key === "r") {
      const st = yield* sys<StatResult>({ name: "stat", path: value! });
      if (!st.ok) {
        yield* complain(prog, `failed to get attributes of ${quoteaf(value!)}: ${strerror(st.error)}`);
        return 1;
      }
    } else if (key === "time" && !["atime", "access", "use", "mtime", "modify"].includes(value!)) {
      yield* writeAll(2, `${prog}: invalid argument ${quote(value!)} for ${quote("--time")}\nValid arguments are:\n  - ${quote("atime")}, ${quote("access")}, ${quote("use")}\n  - ${quote("mtime")}, ${quote("modify")}\n${tryHelp(prog)}`);
      return 1;
    }
  }
  if (parsed.operands.length === 0) {
    yield* writeAll(2, `${prog}: missing file operand\n${tryHelp(prog)}`);
    return 1;
  }
  const euid = yield* sys<readonly [number, number, number]>({ name: "getresuid" });
  let ok = true;
  for (const file of parsed.operands) {
    if (file === "-") continue;
    let openErrno: Errno | undefined;
    if (create) {
      const fd = yield* sys<{ fd: number }>({ name: "openat", path: file, flags: O_WRONLY | O_CREAT | O_NONBLOCK | O_NOCTTY, mode: 0o666 });
      if (fd.ok) {
        yield* close(fd.value.fd);
        continue;
      }
      openErrno = fd.error;
    }
    // What utimensat(file, NULL) would say.
    const st = yield* sys<StatResult>({ name: noDeref ? "lstat" : "stat", path: file });
    const mayTouch = st.ok && (!euid.ok || euid.value[1] === 0 || euid.value[1] === st.value.uid || openErrno === "EISDIR");
    if (mayTouch && openErrno !== "EROFS") continue;
    if (!create && !st.ok && st.error === "ENOENT") continue;
    const errno: Errno = openErrno ?? (st.ok ? "EPERM" : st.error);
    yield* complain(prog, openErrno ? `cannot touch ${quoteaf(file)}: ${strerror(errno)}` : `setting times of ${quoteaf(file)}: ${strerror(errno)}`);
    ok = false;
  }
  return ok ? 0 : 1;
}
