import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  ALL_CAPS, CAPABILITIES, CAP_LAST_CAP, DOCKER_DEFAULT_CAPS, capHex, capIntersect, capIsSubset,
  capSetOf, capUnion, capWithout, capsIn, hasCap, parseCapHex,
} from "./capabilities";

describe("capability sets", () => {
  it("has the 41 capabilities of Linux 5.9+", () => {
    expect(CAPABILITIES).toHaveLength(41);
    expect(CAP_LAST_CAP).toBe(40);
    expect(capHex(ALL_CAPS)).toBe("000001ffffffffff");
  });

  it("encodes Docker's default set as the kernel shows it (reference §3.2)", () => {
    expect(capHex(DOCKER_DEFAULT_CAPS)).toBe("00000000a80425fb");
    expect(capHex(capUnion(DOCKER_DEFAULT_CAPS, capSetOf(["CAP_SYS_ADMIN"])))).toBe("00000000a82425fb");
    expect(capHex(capUnion(DOCKER_DEFAULT_CAPS, capSetOf(["CAP_SYS_PTRACE"])))).toBe("00000000a80c25fb");
    expect(capHex(capWithout(DOCKER_DEFAULT_CAPS, capSetOf(["CAP_CHOWN"])))).toBe("00000000a80425fa");
  });

  it("handles the capabilities above bit 31", () => {
    const set = capSetOf(["CAP_CHECKPOINT_RESTORE", "CAP_BPF"]);
    expect(capHex(set)).toBe("0000018000000000");
    expect(hasCap(set, "CAP_BPF")).toBe(true);
    expect(hasCap(set, "CAP_PERFMON")).toBe(false);
    expect(capsIn(set)).toEqual(["CAP_BPF", "CAP_CHECKPOINT_RESTORE"]);
  });

  it("parses hex forms and refuses bits the kernel does not know", () => {
    expect(parseCapHex("0x00000000a80425fb")).toBe(DOCKER_DEFAULT_CAPS);
    expect(parseCapHex("a80425fb")).toBe(DOCKER_DEFAULT_CAPS);
    expect(parseCapHex("0x0000020000000000")).toBeUndefined();
    expect(parseCapHex("zz")).toBeUndefined();
  });

  it("obeys set algebra for any sets (property)", () => {
    const arbSet = fc.subarray([...CAPABILITIES]).map(capSetOf);
    fc.assert(
      fc.property(arbSet, arbSet, (a, b) => {
        expect(capIsSubset(capIntersect(a, b), a)).toBe(true);
        expect(capIsSubset(a, capUnion(a, b))).toBe(true);
        expect(capIntersect(capWithout(a, b), b)).toBe(0);
        expect(parseCapHex(capHex(a))).toBe(a);
      }),
    );
  });
});
