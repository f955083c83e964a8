import { describe, expect, it } from "vitest";
import type { DeviceRule } from "./devices";
import { DOCKER_DEFAULT_DEVICE_RULES, PRIVILEGED_DEVICE_RULES, deviceRuleFor, deviceRuleText } from "./devices";

const verdict = (rules: readonly DeviceRule[], type: "c" | "b", major: number, minor: number, access: "r" | "w" | "rw" | "m") => {
  const r = deviceRuleFor(rules, type, major, minor, access);
  return r ? `${r.allow ? "allow" : "deny"} ${deviceRuleText(r)}` : "no rule";
};

describe("device programs (runc's rules)", () => {
  it("lists Docker's allowed devices as devices.list showed them in transcript 10_container_default", () => {
    expect(DOCKER_DEFAULT_DEVICE_RULES.filter((r) => r.allow).map(deviceRuleText)).toEqual([
      "c *:* m", "b *:* m", "c 1:3 rwm", "c 1:5 rwm", "c 1:7 rwm", "c 1:8 rwm", "c 1:9 rwm",
      "c 5:0 rwm", "c 5:1 rwm", "c 5:2 rwm", "c 136:* rwm", "c 10:200 rwm",
    ]);
  });

  it("decides by the last rule that covers the whole request", () => {
    expect(verdict(DOCKER_DEFAULT_DEVICE_RULES, "b", 8, 0, "m")).toBe("allow b *:* m");
    expect(verdict(DOCKER_DEFAULT_DEVICE_RULES, "b", 8, 0, "r")).toBe("deny a *:* rwm");
    expect(verdict(DOCKER_DEFAULT_DEVICE_RULES, "c", 136, 4, "rw")).toBe("allow c 136:* rwm");
    expect(verdict(DOCKER_DEFAULT_DEVICE_RULES, "c", 1, 1, "r")).toBe("deny a *:* rwm");
    expect(verdict(PRIVILEGED_DEVICE_RULES, "b", 8, 0, "rw")).toBe("allow a *:* rwm");
    // Two rules that each cover half of a request do not add up (the BPF program checks one rule at a time).
    const split: DeviceRule[] = [{ allow: true, type: "c", major: 1, minor: 3, access: "r" }, { allow: true, type: "c", major: 1, minor: 3, access: "w" }];
    expect(verdict(split, "c", 1, 3, "rw")).toBe("no rule");
  });
});
