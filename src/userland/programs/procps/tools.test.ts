// pgrep, pkill, kill, free and uptime run as processes, and readproc()'s skipping of a process
// that is gone by the time its files are read.
import { describe, expect, it } from "vitest";
import type { Pid, SyscallOutcome } from "../../../kernel/index.ts";
import { CLOCK_MONOTONIC, UBUNTU_HOST, bootKernel } from "../../../kernel/index.ts";
import { runHeadless } from "../../headless";
import type { ProgramRun } from "../../process/program";
import { Runner } from "../../process/runner";
import { sys, wait } from "../../process/sys";
import { PROGRAMS } from "../registry";
import type { Proc } from "./proc-read";
import { readProc } from "./proc-read";
import { scaleSize } from "./free";
import { prettyUptime, standardUptime } from "./uptime";

function sections(...commands: string[]) {
  const r = runHeadless(commands.map((c, i) => `echo @@${i}; ${c}; echo "@@status $?"`).join("\n"));
  const parts = r.stdout.split(/^@@\d+\n/m).slice(1);
  return {
    out: parts.map((p) => p.replace(/@@status \d+\n$/, "")),
    status: parts.map((p) => Number(/@@status (\d+)\n$/.exec(p)?.[1])),
    stderr: r.stderr,
  };
}

describe("pgrep and pkill", () => {
  const r = sections(
    "sleep 300 & sleep 301 & sleep 0.1; pgrep -x sleep | wc -l", "pgrep -l -x sleep", "pgrep -a -f '^sleep'", "pgrep -c -x sleep",
    "pgrep -x nosuch", "pgrep", "pgrep -u nosuch sleep", "pgrep 'a(b'", "pgrep -l -u root -x systemd", "pgrep -d, -x sleep",
    "pkill -e -9 -n -x sleep", "pkill --signal TERM -x sleep; sleep 0.1; pgrep -x sleep", "pkill -x nosuch", "pgrep -l -x kthreadd",
  );

  it("lists matching processes by name, full command line and count", () => {
    expect(r.out[0]).toBe("2\n");
    expect(r.out[1]).toMatch(/^\d+ sleep\n\d+ sleep\n$/);
    expect(r.out[2]).toMatch(/^\d+ sleep 300\n\d+ sleep 301\n$/);
    expect(r.out[3]).toBe("2\n");
    expect(r.out[9]).toMatch(/^\d+,\d+\n$/);
    expect(r.out[13]).toBe("2 kthreadd\n");
  });

  it("selects by user", () => {
    expect(r.out[8]).toMatch(/^1 systemd\n\d+ systemd\n$/);
  });

  it("exits 1 when nothing matches and 2 on usage errors, with procps's messages", () => {
    expect(r.out[4]).toBe("");
    expect(r.status.slice(4, 8)).toEqual([1, 2, 2, 2]);
    expect(r.stderr).toContain("pgrep: no matching criteria specified\nTry `pgrep --help' for more information.\n");
    expect(r.stderr).toContain("pgrep: invalid user name: nosuch\n");
    expect(r.stderr).toContain("pgrep: regex error: Unmatched ( or \\(\n");
  });

  it("signals with kill(2): -9, --signal, and exit 1 when nothing was signalled", () => {
    expect(r.out[10]).toMatch(/^sleep killed \(pid \d+\)\n$/);
    expect(r.status[10]).toBe(0);
    expect(r.out[11]).toBe("");
    expect(r.status[11]).toBe(1);
    expect(r.status[12]).toBe(1);
  });
});

describe("kill", () => {
  const r = sections(
    "/usr/bin/kill -l", "/usr/bin/kill -l 9", "/usr/bin/kill -l TERM", "/usr/bin/kill 99999", "/usr/bin/kill -s KILL abc",
    "sleep 300 & sleep 0.1; P=$(pgrep -x sleep); /usr/bin/kill -9 $P; sleep 0.1; pgrep -x sleep", "/usr/bin/kill", "/usr/bin/kill -z 1",
  );

  it("lists and converts signal names", () => {
    expect(r.out[0]).toBe(
      "HUP INT QUIT ILL TRAP ABRT BUS FPE KILL USR1 SEGV USR2 PIPE ALRM TERM STKFLT\n" +
        "CHLD CONT STOP TSTP TTIN TTOU URG XCPU XFSZ VTALRM PROF WINCH POLL PWR SYS\n",
    );
    expect(r.out[1]).toBe("KILL\n");
    expect(r.out[2]).toBe("15\n");
  });

  it("kills, and names what it could not kill as glibc's error() does", () => {
    expect(r.status[3]).toBe(1);
    expect(r.stderr).toContain("/usr/bin/kill: (99999): No such process\n");
    expect(r.stderr).toContain("/usr/bin/kill: failed to parse argument: 'abc'\n");
    expect(r.out[5]).toBe("");
    expect(r.status.slice(6)).toEqual([1, 1]);
    expect(r.stderr).toContain("/usr/bin/kill: invalid argument z\n\nUsage:\n kill [options] <pid> [...]\n");
  });
});

describe("free and uptime", () => {
  const r = sections("free", "free -h", "free -m -k", "uptime", "uptime -p", "uptime -s", "free -x");

  it("prints free's columns from /proc/meminfo", () => {
    const lines = r.out[0]!.split("\n");
    expect(lines[0]).toBe("               total        used        free      shared  buff/cache   available");
    expect(lines[1]).toMatch(/^Mem: {4}( {1,11}\d+){6}$/);
    expect(lines[2]).toBe("Swap:              0           0           0");
    expect(r.out[1]).toMatch(/^ +total[^\n]*\nMem: +\d+\.\dGi +\d+Mi /);
    expect(r.status[2]).toBe(1);
    expect(r.stderr).toContain("free: Multiple unit options don't make sense.\n");
    expect(r.stderr).toContain("free: invalid option -- 'x'\n\nUsage:\n free [options]\n");
  });

  it("prints uptime as procps 4.0.4 does", () => {
    expect(r.out[3]).toBe(" 22:56:42 up 0 min,  0 user,  load average: 0.00, 0.00, 0.00\n");
    expect(r.out[4]).toBe("up 0 minutes\n");
    expect(r.out[5]).toBe("2025-11-28 22:56:00\n");
    expect(standardUptime(1_764_370_560 + 90_061, 90_061, 2, [0.5, 1, 1.255])).toBe(
      " 23:57:01 up 1 day,  1:01,  2 users,  load average: 0.50, 1.00, 1.25",
    );
    expect(prettyUptime(90_061)).toBe("up 1 day, 1 hour, 1 minute");
  });

  it("scales sizes like scale_size()", () => {
    expect(scaleSize(8_131_368, 0, true, false)).toBe("7.8Gi");
    expect(scaleSize(740_208, 0, true, false)).toBe("722Mi");
    expect(scaleSize(0, 0, true, false)).toBe("0B");
    expect(scaleSize(8_131_368, 3, false, false)).toBe("7940");
    expect(scaleSize(8_131_368, 3, false, true)).toBe("8326");
  });
});

describe("readproc", () => {
  it("skips a process that is gone by the time its files are read", () => {
    const kernel = bootKernel(UBUNTU_HOST);
    const login = [...kernel.tasks.values()].find((t) => t.comm === "bash")!.pid;
    const runner = new Runner(kernel, PROGRAMS);
    const seen: { gone?: Proc; init?: Proc; done?: boolean } = {};
    function* sleeper(): ProgramRun {
      yield* sys<0>({ name: "clock_nanosleep", clock: CLOCK_MONOTONIC, flags: 0, ns: 1e12 });
      return 0;
    }
    function* probe(): ProgramRun {
      const forked: SyscallOutcome = yield { kind: "fork", flags: 0, child: () => sleeper() };
      const child = (forked.result as { ok: true; value: { child: Pid } }).value.child;
      yield* sys<0>({ name: "kill", pid: child, sig: 9 });
      yield* wait(child);
      seen.gone = yield* readProc(child);
      seen.init = yield* readProc(1, { argv: true, ns: ["pid"] });
      seen.done = true;
      return 0;
    }
    runner.attach(login, probe());
    runner.runUntil(() => seen.done === true, 1e9);
    expect(seen.done).toBe(true);
    expect(seen.gone).toBeUndefined();
    expect(seen.init).toMatchObject({ pid: 1, comm: "systemd", ppid: 0, argv: ["/sbin/init"], ns: { pid: 4026531836 } });
  });
});
