import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { replay } from "./actor/world-event";
import type { KernelEvent } from "./actor/world-event";
import { bootKernel } from "./boot/boot";
import { UBUNTU_HOST } from "./boot/ubuntu-host";
import { CAPABILITIES, capIsSubset, capSetOf } from "./caps/capabilities";
import { userCred } from "./cred/cred";
import type { Pid } from "./ids";
import { checkInvariants } from "./invariants";
import { CLONE_FLAG, NS_TYPES } from "./ns/namespace";
import { sameState, serializeKernel } from "./serialize";
import type { KernelState } from "./state";
import { putTask } from "./state";
import type { SyscallCall } from "./syscalls/table";
import { syscall } from "./syscalls/table";
import { SIGNALS } from "./task/signals";

/** 10,000 random syscall sequences in CI (and `npm test`); 1,000 in a quick local `vitest run`. */
const env = globalThis.process?.env ?? {};
const RUNS = Number(env.ISOLAB_PROPERTY_RUNS ?? (env.CI || env.npm_lifecycle_event === "test" || env.npm_lifecycle_event === "test:unit" ? 10_000 : 1_000));

const base = (() => {
  const k = bootKernel(UBUNTU_HOST);
  const shell = [...k.tasks.values()].find((t) => t.comm === "bash")!;
  // A second, unprivileged shell so that permission checks get exercised.
  const forked = syscall(k, shell.pid, { name: "clone", flags: 0 });
  if (!forked.result.ok) throw new Error("setup");
  const user = (forked.result.value as { child: Pid }).child;
  return { state: putTask(forked.state, { ...forked.state.tasks.get(user)!, cred: userCred(1000, 1000) }), seeds: [shell.pid, user] };
})();

const nsFlags = fc.subarray(NS_TYPES.filter((t) => t !== "time").map((t) => CLONE_FLAG[t])).map((fs) => fs.reduce((a, b) => a | b, 0));
const cap = fc.constantFrom(...CAPABILITIES);

/** One step: which existing task (by index) makes which call. */
const step = fc.tuple(fc.nat(), fc.oneof(
  nsFlags.map((flags): SyscallCall => ({ name: "clone", flags })),
  nsFlags.map((flags): SyscallCall => ({ name: "unshare", flags: flags | (flags & 0x20000000 ? 0 : CLONE_FLAG.time) })),
  fc.constant<SyscallCall>({ name: "exit_group", code: 0 }),
  fc.constant<SyscallCall>({ name: "wait4", pid: -1, options: 1 }),
  fc.tuple(fc.integer({ min: -2, max: 40 }), fc.constantFrom(SIGNALS.SIGKILL, SIGNALS.SIGTERM, SIGNALS.SIGSTOP, SIGNALS.SIGCONT, 0)).map(([pid, sig]): SyscallCall => ({ name: "kill", pid, sig })),
  fc.tuple(fc.integer({ min: -1, max: 1001 }), fc.integer({ min: -1, max: 1001 })).map(([r, e]): SyscallCall => ({ name: "setresuid", ids: [r, e, -1] })),
  fc.subarray([...CAPABILITIES]).map((cs): SyscallCall => ({ name: "capset", effective: capSetOf(cs), permitted: capSetOf(cs), inheritable: capSetOf([]) })),
  cap.map((c): SyscallCall => ({ name: "prctl", option: "PR_CAPBSET_DROP", cap: c })),
  fc.nat().map((i): SyscallCall => ({ name: "setns", target: 4026531832 + (i % 12) as never, nstype: 0 })),
));

function run(steps: readonly (readonly [number, SyscallCall])[]): { state: KernelState; log: KernelEvent[]; dropped: Set<Pid> } {
  let state = base.state;
  const log: KernelEvent[] = [];
  const dropped = new Set<Pid>();
  for (const [i, call] of steps) {
    const live = [...state.tasks.values()].filter((t) => t.state !== "Z" && !t.kthread && t.pid > 1);
    const caller = live[i % live.length];
    if (!caller) break;
    if (call.name === "prctl") dropped.add(caller.pid);
    const out = syscall(state, caller.pid, call);
    // A child inherits its parent's sets, including a permitted set wider than bounding.
    if (call.name === "clone" && out.result.ok && dropped.has(caller.pid)) dropped.add((out.result.value as { child: Pid }).child);
    log.push({ type: "syscall.run", pid: caller.pid, call });
    state = out.state;
  }
  return { state, log, dropped };
}

describe("kernel invariants under random syscalls (property)", () => {
  it(`hold after each of ${RUNS} random sequences, and replay is byte-identical`, () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 24 }), (steps) => {
        const { state, log, dropped } = run(steps);
        expect(checkInvariants(state)).toEqual([]);
        for (const t of state.tasks.values()) {
          const { effective, permitted, bounding } = t.cred.caps;
          expect(capIsSubset(effective, permitted)).toBe(true);
          // capabilities(7): dropping from the bounding set does not remove a permitted capability.
          if (!dropped.has(t.pid)) expect(capIsSubset(permitted, bounding)).toBe(true);
        }
        expect(sameState(replay(base.state, log), state)).toBe(true);
      }),
      { numRuns: RUNS },
    );
  }, 300_000);

  it("replays a long random log to byte-identical serialized state", () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 50, maxLength: 120 }), (steps) => {
        const { state, log } = run(steps);
        expect(serializeKernel(replay(base.state, log))).toBe(serializeKernel(state));
      }),
      { numRuns: 5 },
    );
  }, 120_000);

  it("the booted host satisfies them", () => {
    expect(checkInvariants(base.state)).toEqual([]);
  });
});
