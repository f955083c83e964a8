import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DOCKER_DEFAULT_CAPS, capSetOf, capUnion, capsIn } from "../../caps/capabilities";
import { seccompCheck, seccompStatusLines } from "./check";
import { DEFAULT_TARGET_HOST, compileSeccompProfile } from "./compile";
import { DOCKER_DEFAULT_SECCOMP } from "./docker-default";
import { SECCOMP_PRECEDENCE, evaluateSeccomp, evaluateSeccompStack, ruleAlternatives } from "./evaluate";
import type { SeccompAction, SeccompFilter, SeccompProfile, SeccompRule } from "./types";
import { SECCOMP_ACTIONS } from "./types";

const target = (caps: readonly string[]) => ({ ...DEFAULT_TARGET_HOST, caps });
const DEFAULT_CAPS = capsIn(DOCKER_DEFAULT_CAPS);
const dflt = compileSeccompProfile(DOCKER_DEFAULT_SECCOMP, target(DEFAULT_CAPS));
const admin = compileSeccompProfile(DOCKER_DEFAULT_SECCOMP, target(capsIn(capUnion(DOCKER_DEFAULT_CAPS, capSetOf(["CAP_SYS_ADMIN"])))));
const custom = (syscalls: readonly SeccompRule[], defaultAction: SeccompAction = "SCMP_ACT_ALLOW"): SeccompFilter =>
  compileSeccompProfile({ label: "the seccomp profile in p.json", defaultAction, syscalls }, target(DEFAULT_CAPS));

describe("seccompCheck explains from the rule data", () => {
  it("denies mount in a default container, naming the capability that would allow it", () => {
    expect(seccompCheck([dflt], { name: "mount", args: [0, 0, 0, 0, 0] })).toEqual({
      layer: "seccomp", verdict: "deny", rule: "seccomp: mount", errno: "EPERM",
      reason: "Docker's default seccomp profile returns EPERM for mount unless the container has CAP_SYS_ADMIN",
    });
  });

  it("lists every capability that re-enables a call", () => {
    expect(seccompCheck([dflt], { name: "bpf", args: [0, 0, 0] }).reason)
      .toBe("Docker's default seccomp profile returns EPERM for bpf unless the container has CAP_SYS_ADMIN or CAP_BPF");
  });

  it("gives clone3 ENOSYS so that glibc falls back to clone", () => {
    expect(seccompCheck([dflt], { name: "clone3", args: [0, 0] })).toEqual({
      layer: "seccomp", verdict: "deny", rule: "seccomp: clone3", errno: "ENOSYS",
      reason: "Docker's default seccomp profile returns ENOSYS for clone3 unless the container has CAP_SYS_ADMIN",
    });
  });

  it("states the argument rules that a namespace-creating clone fails", () => {
    expect(seccompCheck([dflt], { name: "clone", args: [0x10000011] }).reason).toBe(
      "Docker's default seccomp profile returns EPERM for clone unless the container has CAP_SYS_ADMIN; " +
        "it allows clone only when (flags & 0x7e020000) == 0",
    );
    expect(seccompCheck([dflt], { name: "clone", args: [17] })).toEqual({
      layer: "seccomp", verdict: "pass", rule: "seccomp: clone",
      reason: "Docker's default seccomp profile allows clone when (flags & 0x7e020000) == 0",
    });
  });

  it("names the socket domains that are allowed", () => {
    expect(seccompCheck([dflt], { name: "socket", args: [40, 1, 0] }).reason).toBe(
      "Docker's default seccomp profile returns EPERM for socket: it allows socket only when domain < 38, domain == 39 or domain > 40",
    );
    expect(seccompCheck([dflt], { name: "socket", args: [2, 1, 0] }).reason)
      .toBe("Docker's default seccomp profile allows socket when domain < 38");
  });

  it("says when a call is on no allow rule at all", () => {
    expect(seccompCheck([admin], { name: "keyctl", args: [0, -3, 0] }).reason)
      .toBe("Docker's default seccomp profile returns EPERM for keyctl: keyctl is not on its allow-list");
  });

  it("explains allowances by capability, kernel version or plain allow-list", () => {
    expect(seccompCheck([admin], { name: "mount", args: [] }).reason)
      .toBe("Docker's default seccomp profile allows mount because the container has CAP_SYS_ADMIN");
    expect(seccompCheck([dflt], { name: "ptrace", args: [2] }).reason)
      .toBe("Docker's default seccomp profile allows ptrace on kernel 4.8 and newer");
    expect(seccompCheck([dflt], { name: "read", args: [0] }).reason).toBe("Docker's default seccomp profile allows read");
  });

  it("names the kernel version that would allow ptrace on an old kernel", () => {
    const old = compileSeccompProfile(DOCKER_DEFAULT_SECCOMP, { kernelRelease: "4.4.0", arch: "amd64", caps: DEFAULT_CAPS });
    expect(seccompCheck([old], { name: "ptrace", args: [2] }).reason).toBe(
      "Docker's default seccomp profile returns EPERM for ptrace unless the kernel is 4.8 or newer or the container has CAP_SYS_PTRACE",
    );
  });

  it("passes everything when the task has no filter", () => {
    expect(seccompCheck([], { name: "reboot", args: [] })).toEqual({
      layer: "seccomp", verdict: "pass", rule: "seccomp: reboot", reason: "no seccomp filter is loaded, so reboot reaches the kernel",
    });
  });

  it("words custom actions: kill and trap deny without an errno", () => {
    const f = custom([{ names: ["mkdir"], action: "SCMP_ACT_KILL_PROCESS" }, { names: ["chmod"], action: "SCMP_ACT_TRAP" }]);
    expect(seccompCheck([f], { name: "mkdir", args: [] })).toEqual({
      layer: "seccomp", verdict: "deny", rule: "seccomp: mkdir", reason: "the seccomp profile in p.json kills the process that calls mkdir",
    });
    expect(seccompCheck([f], { name: "chmod", args: [] }).reason).toBe("the seccomp profile in p.json sends SIGSYS to the task that calls chmod");
    expect(seccompCheck([f], { name: "read", args: [] }).reason).toBe("the seccomp profile in p.json allows read: no rule of the profile names it");
  });
});

describe("evaluating rules", () => {
  it("reads MASKED_EQ as (arg & value) == valueTwo and compares 64-bit unsigned", () => {
    const f = custom([{ names: ["ioctl"], action: "SCMP_ACT_ERRNO", errnoRet: 25, args: [{ index: 1, value: 0xff00, valueTwo: 0x5400, op: "SCMP_CMP_MASKED_EQ" }] }]);
    expect(evaluateSeccomp(f, { name: "ioctl", args: [3, 0x5412] })).toMatchObject({ action: "errno", errno: "ENOTTY", rule: "syscalls[0]" });
    expect(evaluateSeccomp(f, { name: "ioctl", args: [3, 0x8912] })).toMatchObject({ action: "allow", rule: "defaultAction" });
    const neg = custom([{ names: ["close"], action: "SCMP_ACT_ERRNO", args: [{ index: 0, value: 1000, op: "SCMP_CMP_GT" }] }]);
    expect(evaluateSeccomp(neg, { name: "close", args: [-1] })).toMatchObject({ action: "errno", errno: "EPERM" });
  });

  it("splits repeated conditions on one argument into ORed rules, as runc does", () => {
    const a = { index: 0, value: 1, op: "SCMP_CMP_EQ" } as const;
    const b = { index: 0, value: 2, op: "SCMP_CMP_EQ" } as const;
    const d = { index: 1, value: 0, op: "SCMP_CMP_EQ" } as const;
    expect(ruleAlternatives([a, b, d])).toEqual([[a], [b], [d]]);
    expect(ruleAlternatives([a, d])).toEqual([[a, d]]);
  });

  it("fails TRACE and NOTIFY with ENOSYS when nobody listens", () => {
    const f = custom([{ names: ["open"], action: "SCMP_ACT_TRACE" }, { names: ["stat"], action: "SCMP_ACT_NOTIFY" }]);
    expect(evaluateSeccomp(f, { name: "open", args: [] })).toMatchObject({ action: "trace", errno: "ENOSYS" });
    expect(evaluateSeccomp(f, { name: "stat", args: [] })).toMatchObject({ action: "notify", errno: "ENOSYS" });
  });

  it("lets the newest filter's data win between equally strict verdicts", () => {
    const older = custom([{ names: ["mkdir"], action: "SCMP_ACT_ERRNO", errnoRet: 13 }]);
    const newer = custom([{ names: ["mkdir"], action: "SCMP_ACT_ERRNO", errnoRet: 30 }]);
    expect(evaluateSeccompStack([older, newer], { name: "mkdir", args: [] })).toMatchObject({ filterIndex: 1, verdict: { errno: "EROFS" } });
  });

  it("prints the /proc/PID/status lines of reference §10", () => {
    expect(seccompStatusLines([dflt])).toEqual(["Seccomp:\t2", "Seccomp_filters:\t1"]);
    expect(seccompStatusLines([])).toEqual(["Seccomp:\t0", "Seccomp_filters:\t0"]);
  });
});

describe("stacked filters (property)", () => {
  const NAMES = ["read", "mount", "socket", "clone"] as const;
  const arbRule = fc.record({
    names: fc.subarray([...NAMES], { minLength: 1 }),
    action: fc.constantFrom(...SECCOMP_ACTIONS),
    args: fc.option(fc.array(fc.record({ index: fc.nat(2), value: fc.nat(50), op: fc.constantFrom("SCMP_CMP_EQ", "SCMP_CMP_LT", "SCMP_CMP_GT") as fc.Arbitrary<"SCMP_CMP_EQ"> }), { maxLength: 2 }), { nil: undefined }),
  });
  const arbFilter = fc.record({ defaultAction: fc.constantFrom(...SECCOMP_ACTIONS), syscalls: fc.array(arbRule, { maxLength: 4 }) })
    .map((p) => compileSeccompProfile({ label: "p", ...p } as SeccompProfile, target([])));
  const arbCall = fc.record({ name: fc.constantFrom(...NAMES), args: fc.array(fc.nat(50), { minLength: 3, maxLength: 3 }) });

  it("never allows what one filter denies, and returns the strictest single verdict", () => {
    fc.assert(
      fc.property(fc.array(arbFilter, { minLength: 1, maxLength: 4 }), arbCall, (filters, call) => {
        const alone = filters.map((f) => evaluateSeccomp(f, call));
        const stacked = evaluateSeccompStack(filters, call).verdict;
        const strictest = Math.min(...alone.map((v) => SECCOMP_PRECEDENCE[v.scmpAction]));
        expect(SECCOMP_PRECEDENCE[stacked.scmpAction]).toBe(strictest);
        if (alone.some((v) => v.action !== "allow" && v.action !== "log")) {
          expect(seccompCheck(filters, call).verdict).toBe("deny");
        }
      }),
    );
  });
});
