/**
 * npm run bench:shell — the userland's budgets (issue #4), measured on this machine.
 * cmd_p95_ms: typical commands in an already booted host (each a `bash -c` forked from the
 * login shell, as typing a line is); docker_run_p95_ms: `docker run --rm alpine true`;
 * forkbomb_ms: the classic fork bomb under pids.max 4096 until the limit stops it and the
 * shell returns. A command the simulator does not run yet is reported, not timed.
 * Last line: JSON.
 */
import { performance } from "node:perf_hooks";
import { HeadlessSession } from "../src/userland/index.ts";

const BUDGET = { cmd_p95_ms: 2, docker_run_p95_ms: 10, forkbomb_ms: 1000 };
const COMMANDS = ["ps -ef", "ls -l /proc/self/ns", "ip addr", "cat /proc/self/status", "id", "hostname", "echo hi | cat"];
const RUNS = 40;

const p95 = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))]!;
};
const round = (n: number) => Math.round(n * 1000) / 1000;
const notSimulated = (stderr: string) => /this program is not simulated yet|command not found/.test(stderr);

function timeCommand(session: HeadlessSession, command: string): number[] | string {
  const first = session.run(command);
  if (notSimulated(first.stderr)) return first.stderr.trim();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    session.run(command);
    times.push(performance.now() - t0);
  }
  return times;
}

function main(): void {
  const session = new HeadlessSession();
  const all: number[] = [];
  const perCommand: Record<string, number | string> = {};
  for (const command of COMMANDS) {
    const r = timeCommand(session, command);
    if (typeof r === "string") perCommand[command] = `skipped: ${r}`;
    else {
      all.push(...r);
      perCommand[command] = round(p95(r));
    }
  }
  const docker = timeCommand(new HeadlessSession(), "docker run --rm alpine true");
  const bomb = new HeadlessSession();
  const setup = bomb.run("mkdir /sys/fs/cgroup/bench && echo 4096 > /sys/fs/cgroup/bench/pids.max && echo ok");
  let forkbomb: number | null = null;
  if (setup.stdout === "ok\n") {
    // As at a prompt: the bomb's first call returns at once ("[1] PID"); its copies keep
    // forking until pids.max refuses them (pids.events counts the refusals).
    const t0 = performance.now();
    bomb.run("echo $$ > /sys/fs/cgroup/bench/cgroup.procs; :(){ :|:& };:", 60e9);
    for (let i = 0; i < 1000; i++) {
      const events = bomb.run("cat /sys/fs/cgroup/bench/pids.events").stdout;
      if (!/^max 0$/m.test(events)) break;
    }
    forkbomb = round(performance.now() - t0);
  }
  console.table(Object.entries(perCommand).map(([command, ms]) => ({ command, "p95 ms": ms })));
  const summary = {
    cmd_p95_ms: all.length ? round(p95(all)) : null,
    docker_run_p95_ms: typeof docker === "string" ? null : round(p95(docker)),
    forkbomb_ms: forkbomb,
    commands_measured: Object.values(perCommand).filter((v) => typeof v === "number").length,
    commands_total: COMMANDS.length,
    budget: BUDGET,
  };
  const within = summary.cmd_p95_ms !== null && summary.cmd_p95_ms <= BUDGET.cmd_p95_ms &&
    summary.docker_run_p95_ms !== null && summary.docker_run_p95_ms <= BUDGET.docker_run_p95_ms &&
    summary.forkbomb_ms !== null && summary.forkbomb_ms <= BUDGET.forkbomb_ms && summary.commands_measured === summary.commands_total;
  console.log(JSON.stringify({ ...summary, within_budget: within }));
  if (!within) process.exitCode = 1;
}

main();
