import { describe, expect, it } from "vitest";
import { BASE_DELAY, describeStack, GUESTS_DELAY, HIGHLIGHT_DELAY, STACKS } from "./stack-picture-model";

describe("the home picture's model", () => {
  it("describes each stack top to bottom, in words", () => {
    expect(STACKS.map(describeStack)).toEqual([
      "Containers, top to bottom: app, libraries, container runtime, shared host kernel, hardware. " +
        "Each container has its own app and libraries; both share the container runtime, shared host kernel and hardware.",
      "Virtual machines, top to bottom: app, libraries, guest kernel, hypervisor, hardware. " +
        "Each virtual machine has its own app, libraries and guest kernel; both share the hypervisor and hardware.",
    ]);
  });

  it("builds the picture from the hardware up: shared layers, then guests, then the highlight", () => {
    expect(BASE_DELAY).toBeLessThan(GUESTS_DELAY);
    expect(GUESTS_DELAY).toBeLessThan(HIGHLIGHT_DELAY);
  });

  it("gives every layer a unique id (they are React keys)", () => {
    const ids = STACKS.flatMap((s) => [...s.base, ...s.guests.flatMap((g) => g.layers)].map((l) => l.id));
    expect(new Set(ids).size).toBe(ids.length);
  });
});
