/**
 * /usr/bin/kill (procps-ng 4.0.4 `src/kill.c`), the program rather than the shell builtin:
 * `kill -9 PID`, `kill -s TERM PID`, `kill -l [SIGNAL]`, `kill -L`. Messages go through
 * glibc's error(), which names the program as it was invoked (`/usr/bin/kill: (7): No such
 * process`). SIMPLIFICATION: -q sends a plain kill(2); there is no sigqueue(2) to carry the value.
 */
import { strerror } from "../../../kernel/index.ts";
import type { Errno } from "../../../kernel/index.ts";
import type { ProgramArgs, ProgramRun } from "../../process/program";
import { sys, writeAll } from "../../process/sys";
import { prettySignalList, signalNameToNumber, strtosig, takeSignalOption, unixSignalList } from "./signals";

/** SIGTERM (<signal.h>). */
const SIGTERM = 15;

const usage = (short: string) =>
  `\nUsage:\n ${short} [options] <pid> [...]\n\nOptions:\n` +
  " <pid> [...]            send signal to every <pid> listed\n" +
  " -<signal>, -s, --signal <signal>\n                        specify the <signal> to be sent\n" +
  " -q, --queue <value>    integer value to be sent with the signal\n" +
  " -l, --list=[<signal>]  list all signal names, or convert one to a name\n" +
  " -L, --table            list all signal names in a nice table\n\n" +
  " -h, --help     display this help and exit\n -V, --version  output version information and exit\n\n" +
  "For more details see kill(1).\n";

const LONG = ["list", "table", "signal", "help", "version", "queue"];

/** strtol_or_err(): the whole word as a decimal number, or undefined. */
const strtol = (s: string) => (/^\s*[+-]?\d+$/.test(s) ? Number(s) : undefined);

export function* kill(args: ProgramArgs): ProgramRun {
  const name = args.argv[0] ?? "kill";
  const short = name.slice(name.lastIndexOf("/") + 1);
  const say = function* (fd: number, text: string, status: number) {
    yield* writeAll(fd, text);
    return status;
  };
  const fail = (text: string) => say(2, text, 1);
  if (args.argv.length < 2) return yield* fail(usage(short));
  const [sig0, argv] = takeSignalOption(args.argv);
  let signo = sig0 < 0 ? SIGTERM : sig0;
  const pids: string[] = [];
  const list = function* (which: string | undefined) {
    if (which === undefined) yield* writeAll(1, unixSignalList());
    else {
      const s = strtosig(which);
      yield* writeAll(s ? 1 : 2, s ? `${s}\n` : `${name}: unknown signal name ${which}\n`);
    }
    return 0;
  };
  for (let i = 1; i < argv.length; i++) {
    const word = argv[i]!;
    if (word === "--") {
      pids.push(...argv.slice(i + 1));
      break;
    }
    if (word.startsWith("--")) {
      const eq = word.indexOf("=");
      const key = word.slice(2, eq < 0 ? undefined : eq);
      const hits = LONG.filter((l) => l.startsWith(key));
      const opt = LONG.includes(key) ? key : hits.length === 1 ? hits[0] : undefined;
      const value = eq >= 0 ? word.slice(eq + 1) : undefined;
      if (opt === "list") return yield* list(value ?? (argv[i + 1] && !argv[i + 1]!.startsWith("-") ? argv[i + 1] : undefined));
      if (opt === "table") return yield* say(1, prettySignalList(), 0);
      if (opt === "help") return yield* say(1, usage(short), 0);
      if (opt === "version") return yield* say(1, `${short} from procps-ng 4.0.4\n`, 0);
      if (opt === "signal" || opt === "queue") {
        const arg = value ?? argv[++i];
        if (arg === undefined) return yield* fail(usage(short));
        if (opt === "signal") signo = signalNameToNumber(arg);
        else if (strtol(arg) === undefined) return yield* fail(`${name}: must be an integer value to be passed with the signal.: '${arg}'\n`);
        continue;
      }
      return yield* fail(usage(short));
    }
    if (!word.startsWith("-") || word === "-") {
      pids.push(word);
      continue;
    }
    const ch = word[1]!;
    const rest = word.slice(2);
    if (ch === "l") return yield* list(rest || (argv[i + 1] && !argv[i + 1]!.startsWith("-") ? argv[i + 1] : undefined));
    if (ch === "L") return yield* say(1, prettySignalList(), 0);
    if (ch === "h") return yield* say(1, usage(short), 0);
    if (ch === "V") return yield* say(1, `${short} from procps-ng 4.0.4\n`, 0);
    if (ch === "s" || ch === "q") {
      const arg = rest || argv[++i];
      if (arg === undefined) return yield* fail(usage(short));
      if (ch === "s") signo = signalNameToNumber(arg);
      else if (strtol(arg) === undefined) return yield* fail(`${name}: must be an integer value to be passed with the signal.: '${arg}'\n`);
      continue;
    }
    if (/[0-9]/.test(ch)) {
      // The "negative PID" corner of kill.c: the digit becomes the PID '0' - digit.
      const r = yield* sys<0>({ name: "kill", pid: 48 - ch.charCodeAt(0), sig: signo });
      return r.ok ? 1 : 0;
    }
    return yield* fail(`${name}: invalid argument ${ch}\n${usage(short)}`);
  }
  if (pids.length === 0) return yield* fail(usage(short));
  let status = 0;
  for (const word of pids) {
    const pid = strtol(word);
    if (pid === undefined) return yield* fail(`${name}: failed to parse argument: '${word}'\n`);
    const r = yield* sys<0>({ name: "kill", pid, sig: signo });
    if (r.ok) continue;
    yield* writeAll(2, `${name}: (${pid}): ${strerror(r.error as Errno)}\n`);
    status = 1;
  }
  return status;
}
