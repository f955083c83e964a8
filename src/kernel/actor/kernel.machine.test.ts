import { createActor, createMachine } from "xstate";
import { describe, expect, it } from "vitest";
import { bootKernel } from "../boot/boot";
import { UBUNTU_HOST } from "../boot/ubuntu-host";
import { CLONE_NEWUTS } from "../ns/namespace";
import { kernelMachine } from "./kernel.machine";
import { replay } from "./world-event";

const shell = (state: ReturnType<typeof bootKernel>) => [...state.tasks.values()].find((t) => t.comm === "bash")!.pid;

describe("kernel actor", () => {
  it("applies syscalls, logs them, and replays the log to the same state", () => {
    const kernel = bootKernel(UBUNTU_HOST);
    const actor = createActor(kernelMachine, { input: { kernel } }).start();
    actor.send({ type: "syscall.run", pid: shell(kernel), call: { name: "clone", flags: CLONE_NEWUTS } });
    actor.send({ type: "time.advance", ns: 5_000_000 });
    const { context } = actor.getSnapshot();
    expect(context.log).toHaveLength(2);
    expect(context.last?.result.ok).toBe(true);
    expect(context.kernel.tasks.size).toBe(kernel.tasks.size + 1);
    expect(replay(context.initial, context.log)).toEqual(context.kernel);
  });

  it("undoes the last event", () => {
    const kernel = bootKernel(UBUNTU_HOST);
    const actor = createActor(kernelMachine, { input: { kernel } }).start();
    actor.send({ type: "syscall.run", pid: shell(kernel), call: { name: "clone", flags: 0 } });
    actor.send({ type: "history.undo" });
    expect(actor.getSnapshot().context.kernel).toBe(kernel);
    expect(actor.getSnapshot().context.log).toEqual([]);
  });

  it("spawns lifecycle children from provided logic", () => {
    const container = createMachine({ id: "c", initial: "created", states: { created: {} } });
    const actor = createActor(kernelMachine.provide({ actors: { container } }), { input: { kernel: bootKernel(UBUNTU_HOST) } }).start();
    actor.send({ type: "lifecycle.spawn", kind: "container", id: "web", input: {} });
    expect(actor.getSnapshot().children.web?.getSnapshot().value).toBe("created");
  });
});
