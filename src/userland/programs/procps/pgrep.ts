/**
 * pgrep and pkill (procps-ng 4.0.4 `src/pgrep.c`): select processes by name (an extended
 * regular expression on the command name, or with -f on the command line) and by ids, then
 * list them or signal them with kill(2). Exit 1 when nothing matched, 2 on usage errors.
 * SIMPLIFICATION: the pattern is a JavaScript regular expression, which reads POSIX ERE the
 * same way for the usual patterns; threads (-w) are the processes themselves.
 */
import type { Errno } from "../../../kernel/index.ts";
import { strerror } from "../../../kernel/index.ts";
import type { ProgramArgs, ProgramRun } from "../../process/program";
import { readFile, sys, writeAll } from "../../process/sys";
import { loadAccounts, userByName } from "../accounts";
import type { LongOption } from "../common";
import { getopt } from "../common";
import { HERTZ, cmdlineText, listPids, readProc, systemInfo, ttyName } from "./proc-read";
import { PGREP_LONG, pgrepUsage, regexError } from "./pgrep-usage";
import { signalNameToNumber, takeSignalOption } from "./signals";

type Field = "ppid" | "pid" | "pgrp" | "euid" | "ruid" | "rgid" | "sid";

export function* pgrep(args: ProgramArgs): ProgramRun {
  const prog = args.argv[0]!.slice(args.argv[0]!.lastIndexOf("/") + 1);
  const pkill = prog === "pkill";
  const [sig0, argv] = pkill ? takeSignalOption(args.argv) : [-1, [...args.argv]];
  let signal = sig0 > -1 ? sig0 : 15;
  const say = function* (fd: number, text: string, status: number) {
    yield* writeAll(fd, text);
    return status;
  };
  const usageErr = () => say(2, pgrepUsage(prog, pkill), 2);
  const long: Record<string, LongOption> = { ...PGREP_LONG };
  const parsed = getopt(argv, { short: pkill ? "eq:LF:cfinoxp:P:O:Ag:s:u:U:G:t:r:Vh" : "lad:vwLF:cfinoxp:P:O:Ag:s:u:U:G:t:r:Vh", long });
  if (!parsed.ok) return yield* say(2, parsed.message + pgrepUsage(prog, pkill), 2);
  const accounts = yield* loadAccounts();
  const lists = new Map<Field, number[]>();
  const o = { full: false, long: false, longlong: false, negate: false, count: false, exact: false, newest: false, oldest: false, echo: false, icase: false, older: 0, delim: "\n", terms: [] as string[], states: "", pidfile: "", ancestors: false, lock: false };
  let criteria = 0;
  for (const { key, value = "" } of parsed.options) {
    const numList = function* (field: Field, what: string, names?: "user" | "group") {
      const items = value === "" ? [] : value.split(",");
      const out: number[] = [];
      for (const item of items) {
        let n = /^[+-]?\d+$/.test(item) ? Number(item) : undefined;
        if (n === undefined && names) n = names === "user" ? userByName(accounts, item)?.uid : accounts.groups.find((g) => g.name === item)?.gid;
        if (n === undefined) return yield* say(2, `${prog}: ${what}: ${item}\n`, 2);
        if (n === 0 && (field === "pgrp" || field === "sid")) {
          const own = yield* sys<number>({ name: field === "pgrp" ? "getpgid" : "getsid" });
          n = own.ok ? own.value : 0;
        }
        out.push(n);
      }
      if (!out.length) return yield* usageErr();
      lists.set(field, out);
      criteria++;
      return undefined;
    };
    let bad: number | undefined;
    switch (key) {
      case "signal": {
        const n = signalNameToNumber(value);
        if (n === -1 && !/^\d/.test(value)) return yield* say(2, `Unknown signal "${value}".${pgrepUsage(prog, pkill)}`, 2);
        signal = n === -1 ? parseInt(value, 10) : n;
        break;
      }
      case "e": o.echo = true; break;
      case "c": o.count = true; break;
      case "d": o.delim = value; break;
      case "f": o.full = true; break;
      case "i": if (o.icase) return yield* usageErr(); o.icase = true; break;
      case "l": o.long = true; break;
      case "a": o.longlong = true; break;
      case "n": case "o": case "v":
        if (o.oldest || o.negate || o.newest) return yield* usageErr();
        if (key === "v") o.negate = true;
        else {
          if (key === "n") o.newest = true;
          else o.oldest = true;
          criteria++;
        }
        break;
      case "x": o.exact = true; break;
      case "O": o.older = parseInt(value, 10) || 0; criteria++; break;
      case "t": o.terms = value.split(","); criteria++; break;
      case "r": o.states = value; criteria++; break;
      case "F": o.pidfile = value; criteria++; break;
      case "A": o.ancestors = true; break;
      case "L": o.lock = true; break;
      case "p": bad = yield* numList("pid", "not a number"); break;
      case "P": bad = yield* numList("ppid", "not a number"); break;
      case "g": bad = yield* numList("pgrp", "invalid process group"); break;
      case "s": bad = yield* numList("sid", "invalid session id"); break;
      case "u": bad = yield* numList("euid", "invalid user name", "user"); break;
      case "U": bad = yield* numList("ruid", "invalid user name", "user"); break;
      case "G": bad = yield* numList("rgid", "invalid group name", "group"); break;
      case "V": return yield* say(1, `${prog} from procps-ng 4.0.4\n`, 0);
      case "h": return yield* say(1, pgrepUsage(prog, pkill), 0);
      default: break;
    }
    if (bad !== undefined) return bad;
  }
  if (o.lock && !o.pidfile) return yield* say(2, `${prog}: -L without -F makes no sense\nTry \`${prog} --help' for more information.\n`, 2);
  if (o.pidfile) {
    const text = yield* readFile(o.pidfile);
    if (!text.ok) return yield* say(2, `${prog}: Unable to open pidfile: ${strerror(text.error)}\n`, 1);
    const m = /^\s*([+-]?\d+)(\s|$)/.exec(text.value);
    if (!m) return yield* say(2, `${prog}: pidfile not valid\nTry \`${prog} --help' for more information.\n`, 1);
    lists.set("pid", [Number(m[1])]);
  }
  if (parsed.operands.length > 1) return yield* say(2, `${prog}: only one pattern can be provided\nTry \`${prog} --help' for more information.\n`, 2);
  const pattern = parsed.operands[0];
  if (pattern === undefined && criteria === 0) return yield* say(2, `${prog}: no matching criteria specified\nTry \`${prog} --help' for more information.\n`, 2);
  let re: RegExp | undefined;
  try {
    re = pattern === undefined ? undefined : new RegExp(o.exact ? `^(${pattern})$` : pattern, o.icase ? "i" : "");
  } catch (e) {
    return yield* say(2, `${prog}: regex error: ${regexError(String(e))}\n`, 2);
  }
  const me = yield* sys<number>({ name: "getpid" });
  // get_our_ancestors(): our parent, its parent, … up to the top of the PID namespace.
  const ancestors = new Set<number>();
  for (let pid = me.ok && o.ancestors ? me.value : 0; pid > 0;) {
    const p = yield* readProc(pid);
    pid = p && p.ppid !== pid ? p.ppid : 0;
    if (pid) ancestors.add(pid);
  }
  const info = yield* systemInfo();
  const matches: { pid: number; text: string; start: number }[] = [];
  for (const pid of yield* listPids()) {
    if ((me.ok && pid === me.value) || ancestors.has(pid)) continue;
    const p = yield* readProc(pid, { argv: o.full || o.longlong });
    if (!p) continue;
    const value: Record<Field, number> = { ppid: p.ppid, pid: p.pid, pgrp: p.pgrp, euid: p.euid, ruid: p.ruid, rgid: p.rgid, sid: p.sid };
    let match = [...lists].every(([field, want]) => want.includes(value[field]));
    if (match && o.older && info.uptime - p.startTicks / HERTZ < o.older) match = false;
    if (match && o.terms.length && !o.terms.includes(ttyName(p.ttyNr))) match = false;
    if (match && o.states && !o.states.includes(p.state)) match = false;
    if (match && re && !re.test(o.full ? cmdlineText(p) : p.comm)) match = false;
    if (match === o.negate) continue;
    const entry = { pid, text: o.longlong ? cmdlineText(p) : p.comm, start: p.startTicks };
    if (o.newest || o.oldest) {
      const best = matches[0];
      if (best && (o.newest ? p.startTicks < best.start : p.startTicks > best.start)) continue;
      if (best && p.startTicks === best.start && (o.newest ? best.pid > pid : best.pid < pid)) continue;
      matches.length = 0;
    }
    matches.push(entry);
  }
  if (!matches.length && !o.full && pattern && pattern.length > 15 && !/[|[]/.test(pattern)) {
    yield* writeAll(2, `${prog}: pattern that searches for process name longer than 15 characters will result in zero matches\nTry \`${prog} -f' option to match against the complete command line.\n`);
  }
  return pkill ? yield* signalAll(prog, matches, signal, o) : yield* listAll(matches, o);
}

function* listAll(matches: readonly { pid: number; text: string }[], o: { count: boolean; long: boolean; longlong: boolean; delim: string }): ProgramRun {
  const lines = matches.map((m, i) => `${m.pid}${o.long || o.longlong ? ` ${m.text}` : ""}${i + 1 === matches.length ? "\n" : o.delim}`);
  yield* writeAll(1, o.count ? `${matches.length}\n` : lines.join(""));
  return matches.length ? 0 : 1;
}

function* signalAll(prog: string, matches: readonly { pid: number; text: string }[], sig: number, o: { echo: boolean; count: boolean }): ProgramRun {
  let killed = 0;
  let out = "";
  for (const m of matches) {
    const r = yield* sys<0>({ name: "kill", pid: m.pid, sig });
    if (r.ok) {
      killed++;
      if (o.echo) out += `${m.text} killed (pid ${m.pid})\n`;
    } else if (r.error !== "ESRCH") {
      yield* writeAll(2, `${prog}: killing pid ${m.pid} failed: ${strerror(r.error as Errno)}\n`);
    }
  }
  if (o.count) out += `${matches.length}\n`;
  yield* writeAll(1, out);
  return killed ? 0 : 1;
}
