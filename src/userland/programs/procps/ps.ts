/**
 * ps (procps-ng 4.0.4): reads /proc like libproc2 does and prints the selected processes in
 * the chosen columns (`src/ps/display.c`: main(), simple_spew(); `select.c`: want_this_proc()).
 *
 * With no selection option ps shows the processes with its own effective uid and its own
 * controlling terminal, exactly as procps selects; the simulated processes have no terminal
 * (tty_nr 0), so plain `ps` lists every process of the user that has none either, like
 * `docker exec CONTAINER ps` does on a real host.
 * SIMPLIFICATION: stdout is never a terminal (the kernel has no TIOCGWINSZ), so lines are not
 * cut to a screen width unless COLUMNS, --cols or w says so; sorting, forests and thread
 * listings are not simulated.
 */
import type { ProgramArgs, ProgramRun } from "../../process/program";
import type { Sys } from "../../process/sys";
import { readFile, sys, writeAll } from "../../process/sys";
import type { Accounts } from "../accounts";
import { groupById, loadAccounts, userById } from "../accounts";
import type { NsName, Proc } from "./proc-read";
import { listPids, pidLength, readMeminfo, readProc, systemInfo } from "./proc-read";
import type { ParseEnv, PsOptions, Selection } from "./ps-args";
import { NotSimulated, SS } from "./ps-args";
import type { PrCtx } from "./ps-columns";
import type { Column } from "./ps-format";
import { OUTBUF_SIZE, activeCols, buildColumns, showOne } from "./ps-format";
import { HELP, parsePass } from "./ps-parse";

interface Select {
  readonly myEuid: boolean;
  readonly myTty: boolean;
  readonly hasTty: boolean;
  readonly noLeader: boolean;
  readonly all: boolean;
}

/** select_setup(): what the simple selection letters mean together. */
function selectSetup(o: PsOptions): Select | string {
  const none = { myEuid: false, myTty: false, hasTty: false, noLeader: false, all: o.all };
  switch (o.simpleSelect) {
    case 0: return { ...none, myEuid: true, myTty: !o.preferBsd, hasTty: o.preferBsd };
    case SS.Ua: return { ...none, noLeader: true, hasTty: true };
    case SS.Ud: case SS.Ua | SS.Ud: return { ...none, noLeader: true };
    case SS.Ba: case SS.Ba | SS.Bg: return { ...none, hasTty: true };
    case SS.Bx: case SS.Bx | SS.Bg: return { ...none, myEuid: true };
    case SS.Ba | SS.Bx: case SS.Ba | SS.Bx | SS.Bg: return { ...none, all: true };
    default: return "process selection options conflict";
  }
}

type Attempt = { o: PsOptions; cols: Column[]; select: Select } | string;

function* attempt(env: ParseEnv, forceBsd: boolean, psFormat: string | undefined): Sys<Attempt> {
  const o = yield* parsePass(env, forceBsd);
  if (typeof o === "string") return o;
  if (o.exit) return { o, cols: [], select: { myEuid: false, myTty: false, hasTty: false, noLeader: false, all: false } };
  const cols = buildColumns(o, yield* pidLength(), psFormat);
  if (typeof cols === "string") return cols;
  const select = selectSetup(o);
  return typeof select === "string" ? select : { o, cols, select };
}

function listed(p: Proc, s: Selection): boolean {
  const value: Record<Exclude<Selection["type"], "comm">, number> = {
    pid: p.pid, ppid: p.ppid, euid: p.euid, ruid: p.ruid, egid: p.egid, rgid: p.rgid, sess: p.sid, pgrp: p.pgrp, tty: p.ttyNr,
  };
  if (s.type !== "comm") return s.values.includes(value[s.type]);
  return s.values.some((v) => {
    const want = String(v);
    return (p.comm.length === 15 && want.length >= 15 && p.comm === want.slice(0, 15)) || p.comm === want;
  });
}

/** want_this_proc(). */
function wanted(p: Proc, o: PsOptions, s: Select, me: { euid: number; tty: number }): boolean {
  const simple = () =>
    !(s.myEuid && p.euid !== me.euid) && !(s.myTty && p.ttyNr !== me.tty) && !(s.noLeader && p.sid === p.pid) && !(s.hasTty && p.ttyNr === 0);
  let ok = s.all || (((o.simpleSelect !== 0 || o.selections.length === 0) && simple()) || o.selections.some((sel) => listed(p, sel)));
  if (o.runningOnly && p.state !== "R" && p.state !== "D") ok = false;
  return o.negate ? !ok : ok;
}

const getenv = (env: readonly string[], name: string) => env.find((e) => e.startsWith(`${name}=`))?.slice(name.length + 1);
const screenSize = (env: readonly string[], name: string, fallback: number) => {
  const v = getenv(env, name);
  return v && /^\d+$/.test(v) && Number(v) > 0 && Number(v) < OUTBUF_SIZE ? Number(v) : fallback;
};

export function* ps(args: ProgramArgs): ProgramRun {
  const accounts: Accounts = yield* loadAccounts();
  const self = yield* readFile("/proc/self/stat");
  const myTty = self.ok ? Number(self.value.slice(self.value.lastIndexOf(")") + 2).split(" ")[4]) || 0 : 0;
  const ids = yield* sys<readonly [number, number, number]>({ name: "getresuid" });
  const env: ParseEnv = { argv: args.argv, accounts, myTty };
  const psFormat = getenv(args.env, "PS_FORMAT");
  let result: Attempt;
  try {
    result = yield* attempt(env, false, psFormat);
    if (typeof result === "string") {
      const second = yield* attempt(env, true, psFormat);
      if (typeof second === "string") {
        yield* writeAll(2, `error: ${result}\n${HELP}`);
        return 1;
      }
      result = second;
    }
  } catch (e) {
    if (!(e instanceof NotSimulated)) throw e;
    yield* writeAll(2, `isolab: ps ${e.message}: this option is not simulated yet\n`);
    return 1;
  }
  if (result.o.exit) {
    yield* writeAll(result.o.exit.toStderr ? 2 : 1, result.o.exit.text);
    return result.o.exit.status;
  }
  const { o, cols, select } = result;
  let screen = o.cols ?? screenSize(args.env, "COLUMNS", OUTBUF_SIZE);
  if (o.wCount && screen < 132) screen = 132;
  if (o.wCount > 1) screen = OUTBUF_SIZE;
  const active = activeCols(cols, screen);
  const ns = cols.map((c) => c.spec.ns).filter((n): n is NsName => n !== undefined);
  const needs = { argv: cols.some((c) => c.spec.argv), ns, cgroup: cols.some((c) => c.spec.cgroup), label: cols.some((c) => c.spec.label) };
  const mem = cols.some((c) => c.spec.head === "%MEM") ? yield* readMeminfo() : undefined;
  const ctx: PrCtx = {
    sys: yield* systemInfo(), memTotal: mem?.get("MemTotal") ?? 0, userIsNumber: o.userIsNumber, unixF: o.unixF, bsdC: o.bsdC,
    user: (uid) => userById(accounts, uid)?.name, group: (gid) => groupById(accounts, gid)?.name,
  };
  const named = cols.some((c) => c.name !== "");
  const gap = o.header === "multi" ? screenSize(args.env, "LINES", o.rows ?? 24) - 1 : -1;
  let toHeader = o.header === "none" || !named ? -1 : 1;
  let out = "";
  let printed = false;
  const me = { euid: ids.ok ? ids.value[1] : 0, tty: myTty };
  for (const pid of yield* listPids()) {
    const p = yield* readProc(pid, needs);
    if (!p || !wanted(p, o, select, me)) continue;
    if (!--toHeader) {
      toHeader = gap;
      out += showOne(cols, null, ctx, active);
    }
    out += showOne(cols, p, ctx, active);
    printed = true;
  }
  if (!printed && toHeader === 1) out += showOne(cols, null, ctx, active);
  const err = yield* writeAll(1, out);
  return err || !printed ? 1 : 0;
}
