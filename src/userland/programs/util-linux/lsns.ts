/**
 * lsns(8) (util-linux 2.39 sys-utils/lsns.c): reads every /proc/PID (owner, stat, and each
 * ns/* link followed with stat(2), whose inode is the namespace), groups the processes by
 * namespace, and prints one line per namespace sorted by inode: NPROCS, and the lowest PID with
 * its owner and command line. In the default tree form a namespace whose process descends from
 * the process of an already printed line hangs under that line (`└─`). Links a reader may not
 * follow (EACCES) are skipped, so an unprivileged user sees only its own processes' namespaces.
 */
import type { StatResult } from "../../../kernel/index.ts";
import type { ProgramArgs, ProgramRun } from "../../process/program";
import type { Sys } from "../../process/sys";
import { listDir, readFile, sys, writeAll } from "../../process/sys";
import type { LongOption } from "../common";
import { Stdout, getopt } from "../common";
import { loadAccounts, userById } from "../accounts";
import type { Column, Line } from "./scols";
import { pickColumns, renderTable } from "./scols";
import { errx, parseUnsigned, tryHelpUl, versionLine } from "./ul";

/** ns_names[] in lsns's order. */
const TYPES = ["mnt", "net", "pid", "uts", "ipc", "user", "cgroup", "time"] as const;

const COLUMNS: Record<string, Column> = {
  NS: { name: "NS", hint: 10, right: true }, TYPE: { name: "TYPE", hint: 5 }, PATH: { name: "PATH", hint: 0 },
  NPROCS: { name: "NPROCS", hint: 5, right: true }, PID: { name: "PID", hint: 5, right: true },
  PPID: { name: "PPID", hint: 5, right: true }, COMMAND: { name: "COMMAND", hint: 0, tree: true },
  UID: { name: "UID", hint: 0, right: true }, USER: { name: "USER", hint: 0 },
};

const opt = (key: string, arg: LongOption["arg"] = "none"): LongOption => ({ key, arg });
const LONG: Record<string, LongOption> = {
  json: opt("J"), task: opt("p", "required"), help: opt("h"), output: opt("o", "required"), "output-all": opt("output-all"),
  notruncate: opt("u"), version: opt("V"), noheadings: opt("n"), nowrap: opt("W"), list: opt("l"), raw: opt("r"),
  type: opt("t", "required"),
};

interface Proc {
  readonly pid: number;
  readonly ppid: number;
  readonly uid: number;
  readonly ns: Partial<Record<(typeof TYPES)[number], number>>;
}

function* readProcs(types: readonly string[]): Sys<Proc[]> {
  const dir = yield* listDir("/proc");
  const pids = dir.ok ? dir.value.map((d) => d.name).filter((n) => /^\d+$/.test(n)).map(Number).sort((a, b) => a - b) : [];
  const out: Proc[] = [];
  for (const pid of pids) {
    const st = yield* sys<StatResult>({ name: "stat", path: `/proc/${pid}` });
    const stat = yield* readFile(`/proc/${pid}/stat`);
    if (!st.ok || !stat.ok) continue;
    const ppid = Number(stat.value.slice(stat.value.lastIndexOf(")") + 2).split(" ")[1]);
    const ns: Proc["ns"] = {};
    for (const t of TYPES) {
      if (!types.includes(t)) continue;
      const link = yield* sys<StatResult>({ name: "stat", path: `/proc/${pid}/ns/${t}` });
      if (link.ok) ns[t] = link.value.ino;
    }
    out.push({ pid, ppid, uid: st.value.uid, ns });
  }
  return out;
}

function* commandOf(pid: number): Sys<string> {
  const c = yield* readFile(`/proc/${pid}/cmdline`);
  if (c.ok && c.value !== "") return c.value.replace(/\0+$/, "").split("\0").join(" ");
  const comm = yield* readFile(`/proc/${pid}/comm`);
  return comm.ok ? comm.value.replace(/\n$/, "") : "";
}

export function* lsns(args: ProgramArgs): ProgramRun {
  const prog = "lsns";
  const parsed = getopt(args.argv, { short: "Jlp:o:nruhVt:W", long: LONG });
  if (!parsed.ok) {
    yield* writeAll(2, parsed.message + tryHelpUl(prog));
    return 1;
  }
  let task: number | undefined;
  let output: string | undefined;
  let all = false;
  const types: string[] = [];
  const flags = { noHeadings: false, raw: false, list: false };
  for (const { key, value } of parsed.options) {
    if (key === "h") return (yield* writeAll(1, `\nUsage:\n ${prog} [options] [<namespace>]\n\nList system namespaces.\n\nFor more details see lsns(8).\n`)) ? 1 : 0;
    if (key === "V") return (yield* writeAll(1, versionLine(prog))) ? 1 : 0;
    if (key === "p") {
      task = parseUnsigned(value);
      if (task === undefined) {
        yield* errx(prog, `invalid PID argument: '${value}'`);
        return 1;
      }
    } else if (key === "t") {
      if (!(TYPES as readonly string[]).includes(value!)) {
        yield* errx(prog, `unknown namespace type: ${value}`);
        return 1;
      }
      types.push(value!);
    } else if (key === "o") output = value;
    else if (key === "output-all") all = true;
    else if (key === "n") flags.noHeadings = true;
    else if (key === "r") [flags.raw, flags.list] = [true, true];
    else if (key === "l") flags.list = true;
    else if (key === "J") {
      yield* errx(prog, "JSON output is not simulated");
      return 1;
    }
  }
  const nsArg = parsed.operands[0];
  if (nsArg !== undefined && task !== undefined) {
    yield* errx(prog, "--task is mutually exclusive with <namespace>");
    return 1;
  }
  const nsFilter = nsArg === undefined ? undefined : parseUnsigned(nsArg);
  if (nsArg !== undefined && nsFilter === undefined) {
    yield* errx(prog, `invalid namespace argument: '${nsArg}'`);
    return 1;
  }
  const defaults = all ? Object.keys(COLUMNS) : nsArg !== undefined ? ["PID", "PPID", "USER", "COMMAND"] : ["NS", "TYPE", "NPROCS", "PID", "USER", "COMMAND"];
  const picked = pickColumns(output, defaults, Object.keys(COLUMNS));
  if (!picked.ok) {
    yield* errx(prog, `unknown column: ${picked.unknown}`);
    return 1;
  }
  const procs = yield* readProcs(types.length > 0 ? types : TYPES);
  const byPid = new Map(procs.map((p) => [p.pid, p]));
  const parentOf = (p: Proc) => byPid.get(p.ppid);
  // Namespaces in order of inode, each with its processes (in /proc order) and lowest PID.
  const spaces = new Map<number, { type: string; procs: Proc[] }>();
  for (const p of procs) {
    for (const t of TYPES) {
      const id = p.ns[t];
      if (id === undefined) continue;
      const entry = spaces.get(id) ?? { type: t, procs: [] };
      entry.procs.push(p);
      spaces.set(id, entry);
    }
  }
  const accounts = yield* loadAccounts();
  const outline = new Map<number, number>();
  const lines: Line[] = [];
  const addLine = function* (id: number, type: string, nprocs: number, p: Proc): Sys<void> {
    const parentLine = parentOf(p) && outline.get(parentOf(p)!.pid);
    const cells: string[] = [];
    for (const c of picked.names) {
      if (c === "NS") cells.push(String(id));
      else if (c === "TYPE") cells.push(type);
      else if (c === "PATH") cells.push(`/proc/${p.pid}/ns/${type}`);
      else if (c === "NPROCS") cells.push(String(nprocs));
      else if (c === "PID") cells.push(String(p.pid));
      else if (c === "PPID") cells.push(String(p.ppid));
      else if (c === "COMMAND") cells.push(yield* commandOf(p.pid));
      else if (c === "UID") cells.push(String(p.uid));
      else if (c === "USER") cells.push(userById(accounts, p.uid)?.name ?? String(p.uid));
    }
    outline.set(p.pid, lines.length);
    lines.push({ cells, parent: parentLine });
  };
  if (nsFilter !== undefined) {
    const ns = spaces.get(nsFilter);
    if (!ns) {
      yield* errx(prog, `not found namespace: ${nsFilter}`);
      return 1;
    }
    const show = function* (p: Proc): Sys<void> {
      const parent = parentOf(p);
      if (parent && !outline.has(parent.pid) && parent.ns[ns.type as never] === p.ns[ns.type as never]) yield* show(parent);
      yield* addLine(nsFilter, ns.type, ns.procs.length, p);
    };
    for (const p of ns.procs) if (!outline.has(p.pid)) yield* show(p);
  } else {
    for (const id of [...spaces.keys()].sort((a, b) => a - b)) {
      const ns = spaces.get(id)!;
      if (task !== undefined && !ns.procs.some((p) => p.pid === task)) continue;
      const lowest = ns.procs.reduce((a, b) => (b.pid < a.pid ? b : a));
      yield* addLine(id, ns.type, ns.procs.length, lowest);
    }
  }
  if (lines.length === 0) return 0;
  const out = new Stdout();
  out.put(renderTable(picked.names.map((n) => COLUMNS[n]!), lines, flags));
  return (yield* out.close(prog)) ? 0 : 1;
}
